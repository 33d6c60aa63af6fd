package org.dicommeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dicommeta.domain.GenerationEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    @DisplayName("plain progress lines come every N instances or every interval, with rate and ETA")
    void plainLines() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress.Lines p = new Progress.Lines(new PrintStream(buf, true, StandardCharsets.UTF_8), "generate",
                clock::get, TimeUnit.SECONDS.toNanos(2), 100);
        p.onEvent(new GenerationEvent.Starting(null, 1000));
        for (int i = 1; i <= 250; i++) {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(4)); // 250 instances/s
            p.onEvent(new GenerationEvent.Update(null, i, 1000, i, 0, 0, "1.2." + i, Optional.empty()));
        }
        clock.addAndGet(TimeUnit.SECONDS.toNanos(3)); // a stall: the time rule fires on the next update
        p.onEvent(new GenerationEvent.Update(null, 251, 1000, 251, 0, 0, "1.2.251", Optional.empty()));
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly("generate: 1000 instances selected",
                "generate: 100/1000 (10.0%), 250.0 instances/s, ETA 0:00:03, 0 failed",
                "generate: 200/1000 (20.0%), 250.0 instances/s, ETA 0:00:03, 0 failed",
                "generate: 251/1000 (25.1%), 62.8 instances/s, ETA 0:00:11, 0 failed");
    }

    @Test
    @DisplayName("durations print as h:mm:ss")
    void durations() {
        assertThat(Progress.duration(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}
