package org.dicommeta.codec.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Fragments;

/**
 * The byte buffer both writers render into: ASCII and UTF-8 appends without intermediate strings,
 * flushed to an {@link OutputStream} in 16 KB chunks, or grown in memory when there is no stream.
 * Unpaired surrogates become U+FFFD, so the output is always well-formed UTF-8.
 *
 * <p>Public only so the XML writer in the sibling package can share it; not part of the API.
 */
public final class Utf8Output {

    private static final int CHUNK = 16 * 1024;

    private final OutputStream out;
    private byte[] buf;
    private int pos;

    /** Buffers into memory; {@link #toByteArray()} returns the bytes. */
    public Utf8Output() {
        this(null, 4096);
    }

    /** Flushes to {@code out} whenever 16 KB are buffered; call {@link #flush()} at the end. */
    public Utf8Output(OutputStream out) {
        this(out, CHUNK);
    }

    private Utf8Output(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[size];
    }

    private void ensure(int n) {
        if (pos + n <= buf.length) {
            return;
        }
        if (out != null) {
            drain();
            if (n <= buf.length) {
                return;
            }
        }
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }

    private void drain() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write rendered output", e);
        }
        pos = 0;
    }

    /** Writes buffered bytes to the stream (if any) and flushes it. */
    public void flush() {
        if (out != null) {
            drain();
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot flush rendered output", e);
            }
        }
    }

    /** The bytes buffered so far (a copy). */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** Appends one ASCII character. */
    public Utf8Output ascii(char c) {
        ensure(1);
        buf[pos++] = (byte) c;
        return this;
    }

    /** Appends a string known to be ASCII (names, numbers, hex), without escaping. */
    public Utf8Output ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Appends raw bytes. */
    public Utf8Output bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** Appends {@code count} copies of {@code c}. */
    public Utf8Output repeat(char c, int count) {
        ensure(count);
        for (int i = 0; i < count; i++) {
            buf[pos++] = (byte) c;
        }
        return this;
    }

    /** Appends the 8 upper-case hex digits of {@code v}. */
    public Utf8Output hex8(int v) {
        ensure(8);
        for (int shift = 28; shift >= 0; shift -= 4) {
            buf[pos++] = (byte) HEX[(v >>> shift) & 0xF];
        }
        return this;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Appends {@code c} (a non-ASCII BMP char or the high half of a pair at s[i]) as UTF-8; returns chars consumed. */
    public int utf8(CharSequence s, int i) {
        char c = s.charAt(i);
        ensure(4);
        if (c < 0x80) {
            buf[pos++] = (byte) c;
            return 1;
        }
        if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | c >> 6);
            buf[pos++] = (byte) (0x80 | c & 0x3F);
            return 1;
        }
        if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                buf[pos++] = (byte) (0xF0 | cp >> 18);
                buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | cp & 0x3F);
                return 2;
            }
            c = '\uFFFD';
        }
        buf[pos++] = (byte) (0xE0 | c >> 12);
        buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
        buf[pos++] = (byte) (0x80 | c & 0x3F);
        return 1;
    }

    private static final byte[] B64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Encoder state for {@link #base64(byte[], int, int)} across several chunks. */
    private int b64Pending;
    private int b64Count;

    /** Appends {@code b} base64-encoded (RFC 4648, no line breaks) as one continuous stream; end with {@link #base64End()}. */
    public Utf8Output base64(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (b64Count != 0 && i < end) {
            b64Pending = b64Pending << 8 | (b[i++] & 0xFF);
            if (++b64Count == 3) {
                emit3(b64Pending);
                b64Count = 0;
                b64Pending = 0;
            }
        }
        int full = (end - i) / 3 * 3;
        ensure(full / 3 * 4);
        int stop = i + full;
        while (i < stop) {
            int v = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
            buf[pos] = B64[v >>> 18];
            buf[pos + 1] = B64[v >>> 12 & 0x3F];
            buf[pos + 2] = B64[v >>> 6 & 0x3F];
            buf[pos + 3] = B64[v & 0x3F];
            pos += 4;
            i += 3;
        }
        while (i < end) {
            b64Pending = b64Pending << 8 | (b[i++] & 0xFF);
            b64Count++;
        }
        return this;
    }

    private void emit3(int v) {
        ensure(4);
        buf[pos++] = B64[v >>> 18];
        buf[pos++] = B64[v >>> 12 & 0x3F];
        buf[pos++] = B64[v >>> 6 & 0x3F];
        buf[pos++] = B64[v & 0x3F];
    }

    /**
     * Appends an element's value base64-encoded and ends the stream: the value bytes, or for
     * encapsulated data each fragment as the Item (FFFE,E000) with its 32-bit length that carries it
     * (PS3.5 §A.4), so the InlineBinary of JSON and XML hold what the Part 10 value holds.
     */
    public Utf8Output base64Value(Element e) {
        Fragments fragments = e.fragments();
        if (fragments != null) {
            byte[] header = new byte[8];
            for (byte[] f : fragments) {
                header[0] = (byte) 0xFE;
                header[1] = (byte) 0xFF;
                header[2] = 0x00;
                header[3] = (byte) 0xE0;
                int len = f.length;
                header[4] = (byte) len;
                header[5] = (byte) (len >> 8);
                header[6] = (byte) (len >> 16);
                header[7] = (byte) (len >> 24);
                base64(header, 0, 8).base64(f, 0, f.length);
            }
        } else {
            byte[] b = e.bytes();
            if (b != null) {
                base64(b, 0, b.length);
            }
        }
        return base64End();
    }

    /** Writes the final partial group of a base64 stream with its '=' padding. */
    public Utf8Output base64End() {
        ensure(4);
        if (b64Count == 1) {
            int v = b64Pending << 16;
            buf[pos++] = B64[v >>> 18];
            buf[pos++] = B64[v >>> 12 & 0x3F];
            buf[pos++] = '=';
            buf[pos++] = '=';
        } else if (b64Count == 2) {
            int v = b64Pending << 8;
            buf[pos++] = B64[v >>> 18];
            buf[pos++] = B64[v >>> 12 & 0x3F];
            buf[pos++] = B64[v >>> 6 & 0x3F];
            buf[pos++] = '=';
        }
        b64Count = 0;
        b64Pending = 0;
        return this;
    }
}
