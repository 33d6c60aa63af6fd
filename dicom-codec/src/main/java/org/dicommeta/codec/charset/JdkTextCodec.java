package org.dicommeta.codec.charset;

import java.nio.charset.Charset;
import org.dicommeta.codec.VR;

/**
 * A repertoire the JDK decodes without help: ISO 8859-1 (the lenient reading of the default
 * repertoire, and ISO_IR 100, whose G0 and G1 together are exactly ISO 8859-1), UTF-8, GB18030 and
 * GBK. The last three are multi-byte without code extensions (PS3.3 Table C.12-5), so the value is
 * decoded whole and the delimiters come out of the decoded text: a GBK or GB18030 trail byte may be
 * 05/12, 05/14 or 03/13 without being a delimiter.
 *
 * <p>{@code new String(bytes, charset)} replaces malformed input with U+FFFD and never throws;
 * {@code String.getBytes(charset)} replaces what the charset cannot encode with its replacement
 * byte(s), {@code ?}.
 */
final class JdkTextCodec implements TextCodec {

    private final Charset charset;

    JdkTextCodec(Charset charset) {
        this.charset = charset;
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        return new String(bytes, offset, length, charset);
    }

    @Override
    public byte[] encode(String value, VR vr) {
        return value.getBytes(charset);
    }

    @Override
    public String toString() {
        return charset.name();
    }
}
