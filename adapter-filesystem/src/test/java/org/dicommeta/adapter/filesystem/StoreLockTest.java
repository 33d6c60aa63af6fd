package org.dicommeta.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dicommeta.domain.StoreLockedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per store: in this process and across processes. */
class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a second open in the same process is refused as 'already open in this process'")
    void sameProcess() throws IOException {
        Path root = dir.resolve("s");
        try (FileMetadataStore first = Fixtures.open(root)) {
            assertThatThrownBy(() -> Fixtures.open(root)).isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining(first.root().toString())
                    .hasMessageContaining("already open in this process");
            // also through a path that only resolves to the same directory
            assertThatThrownBy(() -> Fixtures.open(dir.resolve("x/../s"))).isInstanceOf(StoreLockedException.class);
            first.putInstance(Fixtures.instance(Fixtures.uid(1)), false); // the first store still works
        }
        try (FileMetadataStore again = Fixtures.open(root)) {
            assertThat(again.findInstance(Fixtures.uid(1))).isPresent();
        }
    }

    @Test
    @DisplayName("another process opening the store is refused with a message naming the path and the holder")
    void otherProcess() throws Exception {
        Path root = dir.resolve("s");
        try (FileMetadataStore store = Fixtures.open(root)) {
            Result r = probe(root);
            assertThat(r.exit).as(r.output).isEqualTo(3);
            assertThat(r.output).contains(store.root().toString())
                    .contains("open for writing in another process")
                    .contains("pid " + ProcessHandle.current().pid())
                    .contains(StoreLayout.LOCK);
        }
        Result after = probe(root);
        assertThat(after.exit).as(after.output).isZero();
        assertThat(after.output).startsWith("opened file store");
    }

    private record Result(int exit, String output) {
    }

    private static Result probe(Path root) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockProbe.class.getName(), root.toString())).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish within 30 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
