package org.dicommeta.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.dicommeta.domain.BackendException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecordEncodingTest {

    private static final String UID = "1.2.3.4";

    @Test
    @DisplayName("a compressible record is deflated and inflates to exactly the original bytes, whole or streamed")
    void roundTrips() throws Exception {
        byte[] json = "{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4\"]}}".repeat(500).getBytes(StandardCharsets.UTF_8);
        RecordEncoding.Encoded e = RecordEncoding.deflateIfSmaller(json);
        assertThat(e.encoding()).isEqualTo(RecordEncoding.DEFLATE);
        assertThat(e.bytes().length).isLessThan(json.length / 5);
        assertThat(e.encoding().decode(e.bytes(), json.length, UID)).isEqualTo(json);
        try (InputStream in = e.encoding().open(e.bytes())) {
            assertThat(in.readAllBytes()).isEqualTo(json);
        }
        assertThat(RecordEncoding.of(e.encoding().label(), UID)).isEqualTo(RecordEncoding.DEFLATE);
    }

    @Test
    @DisplayName("random bytes and tiny records are kept as they are (identity)")
    void keepsIncompressible() {
        byte[] noise = new byte[10_000];
        new Random(7).nextBytes(noise);
        RecordEncoding.Encoded e = RecordEncoding.deflateIfSmaller(noise);
        assertThat(e.encoding()).isEqualTo(RecordEncoding.IDENTITY);
        assertThat(e.bytes()).isSameAs(noise);
        assertThat(RecordEncoding.deflateIfSmaller(new byte[10]).encoding()).isEqualTo(RecordEncoding.IDENTITY);
    }

    @Test
    @DisplayName("a deflated record whose recorded size disagrees with its content is reported as corrupt, naming the UID")
    void detectsSizeMismatch() {
        byte[] text = "abc".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        RecordEncoding.Encoded e = RecordEncoding.deflateIfSmaller(text);
        assertThatThrownBy(() -> e.encoding().decode(e.bytes(), text.length - 1, UID))
                .isInstanceOf(BackendException.class).hasMessageContaining(UID);
        assertThatThrownBy(() -> e.encoding().decode(e.bytes(), text.length + 1, UID))
                .isInstanceOf(BackendException.class).hasMessageContaining(UID);
        byte[] broken = Arrays.copyOf(e.bytes(), e.bytes().length);
        broken[0] ^= (byte) 0xFF;
        assertThatThrownBy(() -> e.encoding().decode(broken, text.length, UID)).isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> RecordEncoding.of("gzip", UID)).isInstanceOf(BackendException.class)
                .hasMessageContaining("gzip");
    }
}
