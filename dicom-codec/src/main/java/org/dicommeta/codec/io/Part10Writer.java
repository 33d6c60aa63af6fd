package org.dicommeta.codec.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.dicommeta.codec.CodecVersion;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Fragments;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.charset.SpecificCharacterSet;

/**
 * Writes DICOM Part 10 files (PS3.10 §7): a zero preamble, "DICM", File Meta Information built
 * from the data set's SOP Class and Instance UIDs (PS3.10 §7.1), then the data set in the given
 * transfer syntax: implicit VR little endian, explicit VR little endian, explicit VR big endian
 * (retired, PS3.5 §A.3), deflated explicit VR little endian (PS3.5 §A.5); any other transfer
 * syntax UID is written as explicit VR little endian, the encapsulated syntaxes' encoding, with
 * {@link Fragments} as encapsulated pixel data (PS3.5 §A.4).
 *
 * <p>Sequences and items are written with undefined length. Group 0002 and Group Length elements
 * (gggg,0000) of the data set are not copied: the meta is rebuilt and group lengths would be stale.
 * Text is encoded with the data set's Specific Character Set (items inherit it) and padded to even
 * length (space, NUL for UI; PS3.5 §6.2). In explicit VR a text value longer than a 16-bit length
 * allows is written as UN (PS3.5 §6.2.2). Values that are only
 * {@link org.dicommeta.codec.BulkDataReference}s cannot be written ({@link DicomCodecException}).
 */
public final class Part10Writer {

    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITATION = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private final OutputStream out;
    private final boolean explicit;
    private final boolean bigEndian;
    private final byte[] scratch = new byte[12];

    private Part10Writer(OutputStream out, boolean explicit, boolean bigEndian) {
        this.out = out;
        this.explicit = explicit;
        this.bigEndian = bigEndian;
    }

    /**
     * Writes a Part 10 file.
     *
     * @throws DicomCodecException  when the data set lacks SOP Class/Instance UID or holds unwritable values
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path file, DataSet dataSet, String transferSyntaxUid) {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(os, dataSet, transferSyntaxUid);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a Part 10 file to a stream (flushed, not closed).
     *
     * @throws DicomCodecException  when the data set lacks SOP Class/Instance UID or holds unwritable values
     * @throws UncheckedIOException when the stream fails
     */
    public static void write(OutputStream out, DataSet dataSet, String transferSyntaxUid) {
        String sopClass = dataSet.getString(Tag.SOPClassUID);
        String sopInstance = dataSet.getString(Tag.SOPInstanceUID);
        if (sopClass == null || sopInstance == null) {
            throw new DicomCodecException("Cannot build File Meta Information: the data set has no "
                    + (sopClass == null ? "SOP Class UID (0008,0016)" : "SOP Instance UID (0008,0018)"));
        }
        DataSet meta = new DataSet();
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClass);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstance);
        meta.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        meta.setString(Tag.ImplementationClassUID, VR.UI, CodecVersion.IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, CodecVersion.IMPLEMENTATION_VERSION_NAME);
        write(out, meta, dataSet, transferSyntaxUid);
    }

    /**
     * Writes a Part 10 file with the given File Meta Information (its group length is recomputed;
     * its Transfer Syntax UID is set to {@code transferSyntaxUid}).
     */
    public static void write(OutputStream out, DataSet fileMetaInformation, DataSet dataSet, String transferSyntaxUid) {
        try {
            DataSet meta = new DataSet();
            for (Element e : fileMetaInformation) {
                if (Tag.group(e.tag()) == 0x0002 && e.tag() != Tag.FileMetaInformationGroupLength) {
                    meta.set(e);
                }
            }
            meta.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
            ByteArrayOutputStream metaBytes = new ByteArrayOutputStream(256);
            Part10Writer metaWriter = new Part10Writer(metaBytes, true, false);
            metaWriter.writeDataSet(meta, SpecificCharacterSet.DEFAULT, true);
            out.write(new byte[128]);
            out.write(new byte[] {'D', 'I', 'C', 'M'});
            Part10Writer head = new Part10Writer(out, true, false);
            head.header(Tag.FileMetaInformationGroupLength, VR.UL, 4);
            head.u32(metaBytes.size());
            metaBytes.writeTo(out);
            writeDataSet(out, dataSet, transferSyntaxUid);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write DICOM stream: " + e.getMessage(), e);
        }
    }

    /**
     * Writes only the data set, without preamble and meta (an old-style raw data set as PS3.5 allows
     * on media-less exchange), in the given transfer syntax.
     */
    public static void writeDataSet(OutputStream out, DataSet dataSet, String transferSyntaxUid) {
        try {
            if (UID.DeflatedExplicitVRLittleEndian.equals(transferSyntaxUid)) {
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                try {
                    DeflaterOutputStream dos = new DeflaterOutputStream(nonClosing(out), deflater, 1 << 16);
                    Part10Writer w = new Part10Writer(dos, true, false);
                    w.writeDataSet(dataSet, charsetOf(dataSet, SpecificCharacterSet.DEFAULT), false);
                    dos.finish();
                } finally {
                    deflater.end();
                }
            } else {
                boolean implicit = UID.ImplicitVRLittleEndian.equals(transferSyntaxUid);
                boolean be = UID.ExplicitVRBigEndian.equals(transferSyntaxUid);
                Part10Writer w = new Part10Writer(out, !implicit, be);
                w.writeDataSet(dataSet, charsetOf(dataSet, SpecificCharacterSet.DEFAULT), false);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write DICOM stream: " + e.getMessage(), e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static SpecificCharacterSet charsetOf(DataSet ds, SpecificCharacterSet inherited) {
        Element e = ds.get(Tag.SpecificCharacterSet);
        return e == null ? inherited : SpecificCharacterSet.valueOf(e.strings());
    }

    private void writeDataSet(DataSet ds, SpecificCharacterSet cs, boolean meta) throws IOException {
        for (Element e : ds) {
            int tag = e.tag();
            if (!meta && (Tag.group(tag) == 0x0002 || Tag.isGroupLength(tag))) {
                continue;
            }
            writeElement(e, cs);
        }
    }

    private void writeElement(Element e, SpecificCharacterSet cs) throws IOException {
        int tag = e.tag();
        VR vr = e.vr();
        Object value = e.value();
        if (value instanceof org.dicommeta.codec.BulkDataReference) {
            throw new DicomCodecException("Cannot write " + Tag.toString(tag) + ": its value was not read ("
                    + value + "); read the file with ReadOptions.full()");
        }
        if (vr == VR.SQ) {
            header(tag, VR.SQ, -1);
            for (DataSet item : e.items()) {
                tagAndLength(ITEM, -1);
                writeDataSet(item, charsetOf(item, cs), false);
                tagAndLength(ITEM_DELIMITATION, 0);
            }
            tagAndLength(SEQUENCE_DELIMITATION, 0);
            return;
        }
        if (value instanceof Fragments) {
            header(tag, vr, -1);
            for (byte[] f : (Fragments) value) {
                tagAndLength(ITEM, f.length + (f.length & 1));
                out.write(f);
                if ((f.length & 1) != 0) {
                    out.write(0);
                }
            }
            tagAndLength(SEQUENCE_DELIMITATION, 0);
            return;
        }
        byte[] bytes;
        if (value == null) {
            bytes = new byte[0];
        } else if (value instanceof String) {
            bytes = cs.encode((String) value, vr);
        } else {
            bytes = (byte[]) value;
            if (bigEndian) {
                bytes = swapped(bytes, vr);
            }
        }
        int padded = bytes.length + (bytes.length & 1);
        VR written = vr;
        if (explicit && !vr.hasLongLength() && padded > 0xFFFF) {
            written = VR.UN; // PS3.5 §6.2.2: too long for a 16-bit length
        }
        header(tag, written, padded);
        out.write(bytes);
        if ((bytes.length & 1) != 0) {
            out.write(vr.paddingByte());
        }
    }

    private static byte[] swapped(byte[] b, VR vr) {
        int unit = vr == VR.AT ? 2 : vr.bytesPerValue();
        if (unit < 2) {
            return b;
        }
        byte[] s = b.clone();
        int n = s.length - s.length % unit;
        for (int i = 0; i < n; i += unit) {
            for (int j = 0; j < unit; j++) {
                s[i + j] = b[i + unit - 1 - j];
            }
        }
        return s;
    }

    /** Writes a tag, the VR in explicit syntaxes, and the length (-1 = undefined). */
    private void header(int tag, VR vr, long length) throws IOException {
        put16(0, tag >>> 16);
        put16(2, tag);
        if (!explicit) {
            put32(4, (int) length);
            out.write(scratch, 0, 8);
            return;
        }
        scratch[4] = (byte) (vr.code() >> 8);
        scratch[5] = (byte) vr.code();
        if (vr.hasLongLength()) {
            scratch[6] = 0;
            scratch[7] = 0;
            put32(8, (int) length);
            out.write(scratch, 0, 12);
        } else {
            put16(6, (int) length);
            out.write(scratch, 0, 8);
        }
    }

    private void tagAndLength(int tag, int length) throws IOException {
        put16(0, tag >>> 16);
        put16(2, tag);
        put32(4, length);
        out.write(scratch, 0, 8);
    }

    private void u32(int v) throws IOException {
        put32(0, v);
        out.write(scratch, 0, 4);
    }

    private void put16(int at, int v) {
        if (bigEndian) {
            scratch[at] = (byte) (v >> 8);
            scratch[at + 1] = (byte) v;
        } else {
            scratch[at] = (byte) v;
            scratch[at + 1] = (byte) (v >> 8);
        }
    }

    private void put32(int at, int v) {
        if (bigEndian) {
            put16(at, v >>> 16);
            put16(at + 2, v);
        } else {
            put16(at, v);
            put16(at + 2, v >>> 16);
        }
    }
}
