package org.dicommeta.codec.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.ZipException;
import org.dicommeta.codec.InvalidDicomException;

/**
 * A buffered byte source over a file channel (seekable, known size) or an input stream (forward
 * only, size unknown), with absolute positions for error messages.
 *
 * <p>Allocation discipline: a value is allocated at its declared length only after that length is
 * checked against the bytes known to remain (file size); when the size is unknown (streams) the
 * value is read in bounded chunks, so a lying length field costs at most the bytes really present
 * plus one chunk. Skips seek on files and never allocate.
 */
final class DicomInput implements AutoCloseable {

    static final int BUFFER_SIZE = 1 << 16;
    /** Largest chunk allocated ahead of data actually read, for sources of unknown size. */
    static final int CHUNK = 1 << 20;

    private final String source;
    private final FileChannel channel;
    private final InputStream in;
    /** Total size in bytes when known, else Long.MAX_VALUE. */
    private final long size;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int lim;
    /** Absolute position of buf[0]. */
    private long base;
    private boolean eof;

    private DicomInput(String source, FileChannel channel, InputStream in, long size) {
        this.source = source;
        this.channel = channel;
        this.in = in;
        this.size = size;
    }

    static DicomInput of(String source, FileChannel channel) throws IOException {
        return new DicomInput(source, channel, null, channel.size());
    }

    static DicomInput of(String source, InputStream in) {
        return new DicomInput(source, null, in, Long.MAX_VALUE);
    }

    String source() {
        return source;
    }

    long position() {
        return base + pos;
    }

    /** True when the total size is known (a file). */
    boolean sizeKnown() {
        return size != Long.MAX_VALUE;
    }

    /** Bytes known to remain, or Long.MAX_VALUE - position when the size is unknown. */
    long remainingKnown() {
        return size - position();
    }

    InvalidDicomException invalid(long offset, String problem) {
        return new InvalidDicomException(source, offset, problem);
    }

    InvalidDicomException invalid(long offset, String problem, Throwable cause) {
        return new InvalidDicomException(source, offset, problem, cause);
    }

    /** Makes at least {@code n} (&le; buffer size) bytes available; false when the source ends first. */
    boolean ensure(int n) {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < n && !eof) {
            int r = fill(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return lim - pos >= n;
    }

    private int fill(byte[] b, int off, int len) {
        try {
            int r;
            if (channel != null) {
                r = channel.read(ByteBuffer.wrap(b, off, len));
            } else {
                r = in.read(b, off, len);
            }
            // Every loop over fill must progress: a source returning 0 forever is treated as ended.
            return r == 0 ? zeroRead(b, off, len) : r;
        } catch (InvalidDicomException e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw invalid(position(), "corrupt deflated data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + " at byte offset " + position(), e);
        }
    }

    private int zeroRead(byte[] b, int off, int len) throws IOException {
        for (int attempt = 0; attempt < 16; attempt++) {
            int r = channel != null ? channel.read(ByteBuffer.wrap(b, off, len)) : in.read(b, off, len);
            if (r != 0) {
                return r;
            }
        }
        return -1;
    }

    /** True when no byte remains. */
    boolean atEnd() {
        return !ensure(1);
    }

    void require(int n, String what) {
        if (!ensure(n)) {
            throw invalid(position(), "truncated: " + what + " needs " + n + " bytes, "
                    + (lim - pos) + " remain");
        }
    }

    /** Peeks at a byte ahead of the current position (ensure first). */
    int peek(int ahead) {
        return buf[pos + ahead] & 0xFF;
    }

    int u8() {
        return buf[pos++] & 0xFF;
    }

    int u16(boolean bigEndian) {
        int v = bigEndian ? (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF)
                : (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    int s32(boolean bigEndian) {
        int v = bigEndian
                ? (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | (buf[pos + 3] & 0xFF)
                : (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** Tag of (group, element) read in the given byte order, group in the high bits. */
    int tag(boolean bigEndian) {
        int g = u16(bigEndian);
        return g << 16 | u16(bigEndian);
    }

    /** Direct access to the buffer for decoding in place: valid until the next read. */
    byte[] buffer() {
        return buf;
    }

    int bufferPosition() {
        return pos;
    }

    void advance(int n) {
        pos += n;
    }

    /**
     * Checks that {@code length} bytes can remain, for a known size. {@code what} (here and below)
     * names the value in the error message; its toString() runs only when there is an error.
     */
    void checkLength(long offset, long length, Object what) {
        if (length < 0 || length > remainingKnown()) {
            throw invalid(offset, what + " length " + length + " goes past the end of the data ("
                    + (sizeKnown() ? remainingKnown() + " bytes remain" : "stream") + ")");
        }
    }

    /** Reads {@code length} bytes into a new array, never allocating far beyond the bytes present. */
    byte[] readBytes(long length, long offset, Object what) {
        checkLength(offset, length, what);
        if (length > Integer.MAX_VALUE - 16) {
            throw invalid(offset, what + " length " + length + " is too large for one value");
        }
        int n = (int) length;
        if (n <= lim - pos) {
            byte[] out = new byte[n];
            System.arraycopy(buf, pos, out, 0, n);
            pos += n;
            return out;
        }
        byte[] out = new byte[sizeKnown() ? n : Math.min(n, CHUNK)];
        int have = lim - pos;
        System.arraycopy(buf, pos, out, 0, have);
        base += lim;
        pos = 0;
        lim = 0;
        while (have < n) {
            if (have == out.length) {
                // Unknown size: grow only as the data really arrives.
                out = java.util.Arrays.copyOf(out, (int) Math.min(n, (long) out.length * 2));
            }
            int r = fill(out, have, out.length - have);
            if (r < 0) {
                eof = true;
                throw invalid(offset, "truncated: " + what + " declares " + n + " bytes, only " + have + " present");
            }
            have += r;
            base += r;
        }
        return out;
    }

    /** Skips {@code length} bytes without reading them into memory where the source allows. */
    void skip(long length, long offset, Object what) {
        checkLength(offset, length, what);
        long inBuffer = lim - pos;
        if (length <= inBuffer) {
            pos += (int) length;
            return;
        }
        long rest = length - inBuffer;
        long target = base + lim + rest;
        base += lim;
        pos = 0;
        lim = 0;
        if (channel != null) {
            try {
                channel.position(target);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot seek in " + source + " to " + target, e);
            }
            base = target;
            return;
        }
        try {
            // Some streams (FileInputStream) skip past their end without complaint: skip all but the
            // last byte, then read that one, so a value cut short is still noticed.
            while (rest > 1) {
                long s = in.skip(rest - 1);
                if (s <= 0) {
                    // skip() may refuse (e.g. inflater streams at a boundary): read through instead.
                    int r = in.read(buf, 0, (int) Math.min(buf.length, rest));
                    if (r < 0) {
                        eof = true;
                        throw invalid(offset, "truncated: " + what + " declares " + length + " bytes, only "
                                + (length - rest) + " present");
                    }
                    s = r;
                }
                rest -= s;
                base += s;
            }
            if (rest == 1) {
                if (in.read() < 0) {
                    eof = true;
                    throw invalid(offset, "truncated: " + what + " declares " + length
                            + " bytes, the data end before its last byte");
                }
                base++;
            }
        } catch (ZipException | EOFException e) {
            throw invalid(position(), "corrupt deflated data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + " at byte offset " + position(), e);
        }
    }

    /** An input stream of the bytes from the current position on (used for deflated data sets). */
    InputStream remainder() {
        return new InputStream() {
            @Override
            public int read() {
                if (!ensure(1)) {
                    return -1;
                }
                return u8();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!ensure(1)) {
                    return -1;
                }
                int n = Math.min(len, lim - pos);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + source, e);
        }
    }
}
