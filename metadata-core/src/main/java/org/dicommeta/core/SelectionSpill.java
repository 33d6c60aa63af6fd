package org.dicommeta.core;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.ports.SelectedInstance;

/**
 * The snapshot of a run's selection on disk, so the engine never holds all selected UIDs in memory.
 * One entry per instance: a byte of format bits, then the UID and the source as length-prefixed UTF-8.
 * Private to one run; its file is deleted when the run ends.
 */
final class SelectionSpill {

    /** The largest field read back; the file is ours, but a corrupt one must not make us allocate blindly. */
    private static final int MAX_FIELD_BYTES = 1 << 20;

    /** One selected instance as the workers need it. */
    record Entry(String sopInstanceUid, String source, Set<MetadataFormat> formats) {
    }

    private SelectionSpill() {
    }

    static Writer writer(Path file) throws IOException {
        return new Writer(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)));
    }

    static Reader reader(Path file) throws IOException {
        return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024)));
    }

    static final class Writer implements Closeable {
        private final DataOutputStream out;
        private long count;

        private Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(SelectedInstance selected) throws IOException {
            int bits = 0;
            for (MetadataFormat f : selected.formats()) {
                bits |= 1 << f.ordinal();
            }
            out.writeByte(bits);
            writeField(selected.sopInstanceUid());
            writeField(selected.instance().source());
            count++;
        }

        long count() {
            return count;
        }

        private void writeField(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > MAX_FIELD_BYTES) {
                throw new IOException("selection field of " + b.length + " bytes exceeds " + MAX_FIELD_BYTES);
            }
            out.writeInt(b.length);
            out.write(b);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static final class Reader implements Closeable {
        private final DataInputStream in;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next entry, or null at the end. */
        Entry next() throws IOException {
            int bits = in.read();
            if (bits < 0) {
                return null;
            }
            EnumSet<MetadataFormat> formats = EnumSet.noneOf(MetadataFormat.class);
            for (MetadataFormat f : MetadataFormat.values()) {
                if ((bits & (1 << f.ordinal())) != 0) {
                    formats.add(f);
                }
            }
            return new Entry(readField(), readField(), formats);
        }

        private String readField() throws IOException {
            int len = in.readInt();
            if (len < 0 || len > MAX_FIELD_BYTES) {
                throw new IOException("corrupt selection spill: field length " + len);
            }
            byte[] b = in.readNBytes(len);
            if (b.length != len) {
                throw new EOFException("corrupt selection spill: truncated field");
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
