package org.dicommeta.adapter.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.dicommeta.domain.BackendException;

/**
 * How a record's bytes sit in the {@code content} column, named in its {@code encoding} column with the
 * content-coding names of RFC 9110 §8.4.1: {@code identity} (as written) or {@code deflate} (raw DEFLATE,
 * RFC 1951, made by java.util.zip at its fastest level). Reads undo it, so get returns exactly the bytes
 * written whichever way they were stored.
 */
enum RecordEncoding {
    IDENTITY("identity"),
    DEFLATE("deflate");

    private final String label;

    RecordEncoding(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static RecordEncoding of(String label, String uid) {
        for (RecordEncoding e : values()) {
            if (e.label.equals(label)) {
                return e;
            }
        }
        throw new BackendException("Record of " + uid + " has an unknown encoding '" + label + "'");
    }

    /** Encoded content and its encoding; deflate is kept only when it saves at least an eighth. */
    record Encoded(RecordEncoding encoding, byte[] bytes) {
    }

    static Encoded deflateIfSmaller(byte[] content) {
        if (content.length < 256) {
            return new Encoded(IDENTITY, content);
        }
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        try {
            d.setInput(content);
            d.finish();
            int limit = content.length - content.length / 8;
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, content.length / 3 + 64));
            byte[] buf = new byte[16 * 1024];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
                if (out.size() >= limit) {
                    return new Encoded(IDENTITY, content);
                }
            }
            return new Encoded(DEFLATE, out.toByteArray());
        } finally {
            d.end();
        }
    }

    /** The original bytes; {@code size} is the length recorded in the row, verified against the result. */
    byte[] decode(byte[] stored, long size, String uid) {
        if (this == IDENTITY) {
            return stored;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new BackendException("Record of " + uid + " claims " + size + " bytes, more than an array holds");
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(stored);
            // The size column was written with the row; still, never trust it beyond what inflation yields.
            byte[] out = new byte[(int) size];
            int n = 0;
            while (n < out.length && !inf.finished()) {
                int k = inf.inflate(out, n, out.length - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != size || !inf.finished() && inf.inflate(new byte[1]) > 0) {
                throw new BackendException("Record of " + uid + " does not inflate to its recorded size " + size);
            }
            return out;
        } catch (DataFormatException e) {
            throw new BackendException("Record of " + uid + " is corrupt: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    InputStream open(byte[] stored) {
        InputStream raw = new ByteArrayInputStream(stored);
        if (this == IDENTITY) {
            return raw;
        }
        Inflater inf = new Inflater(true);
        // InflaterInputStream ends only an Inflater it made itself; this one is ended on close.
        return new InflaterInputStream(raw, inf, 16 * 1024) {
            @Override
            public void close() throws java.io.IOException {
                try {
                    super.close();
                } finally {
                    inf.end();
                }
            }
        };
    }
}
