package org.dicommeta.codec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.InvalidDicomException;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Part10ReaderTest {

    /** Little-endian byte builder for hand-made streams. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes tag(int tag) {
            return u16(tag >>> 16).u16(tag & 0xFFFF);
        }

        Bytes u16(int v) {
            out.write(v);
            out.write(v >> 8);
            return this;
        }

        Bytes u32(long v) {
            return u16((int) v & 0xFFFF).u16((int) (v >>> 16) & 0xFFFF);
        }

        Bytes ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Bytes raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        /** Explicit VR LE element with a short (16-bit) length. */
        Bytes shortElement(int tag, String vr, String value) {
            return tag(tag).ascii(vr).u16(value.length()).ascii(value);
        }

        /** Implicit VR LE element. */
        Bytes implicitElement(int tag, String value) {
            return tag(tag).u32(value.length()).ascii(value);
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }

    /** 128 zero bytes, DICM, and a minimal meta naming the transfer syntax. */
    static Bytes part10Head(String ts) {
        String tsValue = ts.length() % 2 == 0 ? ts : ts + "\0";
        Bytes meta = new Bytes().shortElement(Tag.TransferSyntaxUID, "UI", tsValue);
        byte[] m = meta.toArray();
        return new Bytes().raw(new byte[128]).ascii("DICM")
                .tag(Tag.FileMetaInformationGroupLength).ascii("UL").u16(4).u32(m.length).raw(m);
    }

    private static DicomFile read(byte[] bytes) {
        return Part10Reader.read(new ByteArrayInputStream(bytes), "test.dcm", ReadOptions.full());
    }

    @Test
    @DisplayName("UN of undefined length is read as an implicit VR little endian sequence (PS3.5 §6.2.2)")
    void unknownOfUndefinedLength() {
        byte[] bytes = part10Head(UID.ExplicitVRLittleEndian)
                .shortElement(Tag.PatientID, "LO", "P1")
                .tag(0x00091010).ascii("UN").u16(0).u32(0xFFFFFFFFL)
                .tag(0xFFFEE000).u32(0xFFFFFFFFL)
                .implicitElement(Tag.CodeValue, "AB")
                .tag(Tag.ReferencedImageSequence).u32(0xFFFFFFFFL)
                .tag(0xFFFEE000).u32(10).implicitElement(Tag.ReferencedSOPInstanceUID, "1\0")
                .tag(0xFFFEE0DD).u32(0)
                .tag(0xFFFEE00D).u32(0)
                .tag(0xFFFEE0DD).u32(0)
                .shortElement(Tag.PatientName, "PN", "A^B ")
                .toArray();
        DataSet ds = read(bytes).dataSet();
        Element un = ds.get(0x00091010);
        assertThat(un.vr()).isEqualTo(VR.SQ);
        DataSet item = un.items().get(0);
        assertThat(item.get(Tag.CodeValue).vr()).isEqualTo(VR.SH);
        assertThat(item.getString(Tag.CodeValue)).isEqualTo("AB");
        assertThat(item.getSequence(Tag.ReferencedImageSequence).get(0).getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("1");
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("A^B");
    }

    @Test
    @DisplayName("explicit UN of a known tag is decoded with the dictionary VR")
    void unknownOfKnownTag() {
        byte[] bytes = part10Head(UID.ExplicitVRLittleEndian)
                .tag(Tag.Rows).ascii("UN").u16(0).u32(2).u16(512)
                .tag(0x00190010).ascii("UN").u16(0).u32(4).ascii("GEMS")
                .toArray();
        DataSet ds = read(bytes).dataSet();
        assertThat(ds.get(Tag.Rows).vr()).isEqualTo(VR.US);
        assertThat(ds.getInt(Tag.Rows, 0)).isEqualTo(512);
        assertThat(ds.get(0x00190010).vr()).isEqualTo(VR.LO);
        DataSet kept = Part10Reader.read(new ByteArrayInputStream(bytes), "t",
                ReadOptions.builder().replaceUnknownVr(false).build()).dataSet();
        assertThat(kept.get(Tag.Rows).vr()).isEqualTo(VR.UN);
    }

    @Test
    @DisplayName("implicit VR private elements take the vendor dictionary VR by creator, else UN")
    void implicitPrivate() {
        byte[] bytes = part10Head(UID.ImplicitVRLittleEndian)
                .implicitElement(0x00290010, "SIEMENS CSA HEADER")
                .implicitElement(0x00290011, "UNKNOWN VENDOR")
                .implicitElement(0x00291008, "IMAGE NUM 4 ")
                .implicitElement(0x00291108, "AB")
                .toArray();
        DataSet ds = read(bytes).dataSet();
        assertThat(ds.get(0x00290010).vr()).isEqualTo(VR.LO);
        assertThat(ds.get(0x00291008).vr()).isEqualTo(VR.CS);
        assertThat(ds.getString(0x00291008)).isEqualTo("IMAGE NUM 4");
        assertThat(ds.get(0x00291108).vr()).isEqualTo(VR.UN);
        assertThat(ds.privateCreatorOf(0x00291108)).isEqualTo("UNKNOWN VENDOR");
    }

    @Test
    @DisplayName("items inherit the Specific Character Set of their parent unless they set their own")
    void charsetInheritance() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        DataSet item = new DataSet();
        item.setString(Tag.PatientName, VR.PN, "Gödel^Kurt");
        ds.newSequence(Tag.OtherPatientIDsSequence).add(item);
        DataSet read = read(TestDataSets.toBytes(ds, UID.ExplicitVRLittleEndian)).dataSet();
        assertThat(read.getSequence(Tag.OtherPatientIDsSequence).get(0).getString(Tag.PatientName)).isEqualTo("Gödel^Kurt");
    }

    @Test
    @DisplayName("the declared transfer syntax loses to plainly different data (implicit declared, explicit found)")
    void mismatchedTransferSyntaxIsDetected() {
        byte[] bytes = part10Head(UID.ImplicitVRLittleEndian).shortElement(Tag.PatientID, "LO", "P1").toArray();
        assertThat(read(bytes).dataSet().getString(Tag.PatientID)).isEqualTo("P1");
        byte[] implicitBody = part10Head(UID.ExplicitVRLittleEndian).implicitElement(Tag.PatientID, "P2").toArray();
        assertThat(read(implicitBody).dataSet().getString(Tag.PatientID)).isEqualTo("P2");
    }

    @Test
    @DisplayName("a meta without preamble and a raw data set starting at group 0008 are both accepted")
    void noPreamble() {
        byte[] full = part10Head(UID.ExplicitVRLittleEndian).shortElement(Tag.PatientID, "LO", "P1").toArray();
        byte[] noPreamble = java.util.Arrays.copyOfRange(full, 132, full.length);
        DicomFile f = read(noPreamble);
        assertThat(f.hasFileMetaInformation()).isTrue();
        assertThat(f.dataSet().getString(Tag.PatientID)).isEqualTo("P1");
        byte[] raw = new Bytes().implicitElement(Tag.SpecificCharacterSet, "ISO_IR 100").implicitElement(Tag.PatientID, "P3").toArray();
        DicomFile r = read(raw);
        assertThat(r.transferSyntaxUid()).isEqualTo(UID.ImplicitVRLittleEndian);
        assertThat(r.dataSet().getString(Tag.PatientID)).isEqualTo("P3");
    }

    // ------------------------------------------------------------------ header-only

    @Test
    @DisplayName("header-only: a 200 MB file's pixel data is skipped by seeking, allocating almost nothing")
    void headerOnlyLargeFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("large.dcm");
        long pixelLength = 200L << 20;
        byte[] head = part10Head(UID.ExplicitVRLittleEndian)
                .shortElement(Tag.PatientName, "PN", "Doe^John")
                .shortElement(Tag.Rows, "US", "\0\u0028")
                .tag(Tag.PixelData).ascii("OW").u16(0).u32(pixelLength)
                .toArray();
        Files.write(f, head);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(head.length + pixelLength + 12);
            raf.seek(head.length + pixelLength);
            raf.write(new Bytes().tag(0xFFFAFFFA).ascii("SQ").u16(0).u32(0).toArray());
        }
        // Warm up so class loading and dictionary tables do not count.
        Part10Reader.read(f, ReadOptions.headerOnly());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        DicomFile df = Part10Reader.read(f, ReadOptions.headerOnly());
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        Element px = df.dataSet().get(Tag.PixelData);
        BulkDataReference ref = px.bulkData();
        assertThat(ref.offset()).isEqualTo(head.length);
        assertThat(ref.length()).isEqualTo(pixelLength);
        assertThat(ref.source()).isEqualTo(f.toString());
        assertThat(px.vr()).isEqualTo(VR.OW);
        assertThat(px.length()).isEqualTo(pixelLength);
        assertThat(df.dataSet().contains(0xFFFAFFFA)).as("element after the pixel data is read").isTrue();
        assertThat(allocated).as("bytes allocated by a header-only read of a 200 MB file").isLessThan(1L << 20);

        try (InputStream in = Files.newInputStream(f)) {
            long beforeStream = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            DicomFile streamed = Part10Reader.read(in, "large-stream", ReadOptions.headerOnly());
            long streamAllocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - beforeStream;
            assertThat(streamed.dataSet().get(Tag.PixelData).bulkData().length()).isEqualTo(pixelLength);
            assertThat(streamAllocated).as("bytes allocated by a header-only stream read").isLessThan(1L << 20);
        }
    }

    @Test
    @DisplayName("header-only: a value cut short is noticed on a file stream that skips past its end")
    void headerOnlyTruncatedStream(@TempDir Path dir) throws Exception {
        byte[] bytes = part10Head(UID.ExplicitVRLittleEndian)
                .shortElement(Tag.PatientName, "PN", "Doe^John")
                .tag(Tag.PixelData).ascii("OW").u16(0).u32(100_000).raw(new byte[99_999])
                .toArray();
        Path f = dir.resolve("cut.dcm");
        Files.write(f, bytes);
        try (InputStream in = Files.newInputStream(f)) {
            assertThatThrownBy(() -> Part10Reader.read(in, "cut.dcm", ReadOptions.headerOnly()))
                    .isInstanceOf(InvalidDicomException.class).hasMessageContaining("truncated");
        }
        try (InputStream in = new java.io.FileInputStream(f.toFile())) {
            assertThatThrownBy(() -> Part10Reader.read(in, "cut.dcm", ReadOptions.headerOnly()))
                    .isInstanceOf(InvalidDicomException.class).hasMessageContaining("truncated");
        }
        assertThatThrownBy(() -> Part10Reader.read(f, ReadOptions.headerOnly()))
                .isInstanceOf(InvalidDicomException.class).hasMessageContaining("goes past the end");
    }

    @Test
    @DisplayName("header-only: encapsulated pixel data becomes one reference over all its items")
    void headerOnlyEncapsulated() {
        byte[] bytes = TestDataSets.toBytes(TestDataSets.encapsulated(), "1.2.840.10008.1.2.4.50");
        DicomFile df = Part10Reader.read(new ByteArrayInputStream(bytes), "enc", ReadOptions.headerOnly());
        BulkDataReference ref = df.dataSet().get(Tag.PixelData).bulkData();
        assertThat(ref.encapsulated()).isTrue();
        assertThat(ref.offset() + ref.length()).isEqualTo(bytes.length);
        assertThat(ref.length()).isEqualTo(3 * 8 + 4 + 4 + 6 + 8);
    }

    @Test
    @DisplayName("header-only: small binaries stay in memory, larger ones above the threshold are references")
    void threshold() {
        DataSet ds = TestDataSets.everyVr();
        ds.setBytes(0x00091010, VR.OB, new byte[4096]);
        byte[] bytes = TestDataSets.toBytes(ds, UID.ExplicitVRLittleEndian);
        DataSet read = Part10Reader.read(new ByteArrayInputStream(bytes), "t", ReadOptions.headerOnly()).dataSet();
        assertThat(read.get(Tag.ICCProfile).bytes()).hasSize(4);
        assertThat(read.get(0x00091010).isBulkData()).isTrue();
        DataSet low = Part10Reader.read(new ByteArrayInputStream(bytes), "t",
                ReadOptions.headerOnly().toBuilder().bulkDataThreshold(4).build()).dataSet();
        assertThat(low.get(Tag.ICCProfile).isBulkData()).isTrue();
    }

    // ------------------------------------------------------------------ bad input

    @Test
    @DisplayName("every truncation of a valid file is read or rejected with an offset, nothing else")
    void truncations() {
        byte[] bytes = TestDataSets.toBytes(TestDataSets.everyVr(), UID.ExplicitVRLittleEndian);
        int rejected = 0;
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, n);
            try {
                read(cut);
            } catch (InvalidDicomException e) {
                assertThat(e.offset()).isBetween(-1L, (long) n);
                assertThat(e.source()).isEqualTo("test.dcm");
                rejected++;
            }
        }
        // Cuts at element boundaries leave a shorter valid data set; every other cut is rejected.
        assertThat(rejected).isGreaterThan(bytes.length * 9 / 10);
    }

    @Test
    @DisplayName("a length past the end fails before allocating, on files and streams")
    void lengthPastEnd(@TempDir Path dir) throws Exception {
        byte[] bytes = part10Head(UID.ExplicitVRLittleEndian)
                .shortElement(Tag.PatientID, "LO", "P1")
                .tag(0x00091010).ascii("OB").u16(0).u32(0xFFFFFFF0L).raw(new byte[100])
                .toArray();
        int offset = bytes.length - 100 - 12;
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(InvalidDicomException.class)
                .hasMessageContaining("test.dcm").hasMessageContaining("offset " + offset)
                .hasMessageContaining("(0009,1010)");
        Path f = dir.resolve("long.dcm");
        Files.write(f, bytes);
        assertThatThrownBy(() -> Part10Reader.read(f, ReadOptions.full())).isInstanceOf(InvalidDicomException.class)
                .hasMessageContaining("goes past the end").hasMessageContaining(f.toString());
        assertThatThrownBy(() -> Part10Reader.read(f, ReadOptions.headerOnly())).isInstanceOf(InvalidDicomException.class);
    }

    @Test
    @DisplayName("unknown VR, garbage after the preamble, and a text file are rejected")
    void garbage() {
        byte[] badVr = part10Head(UID.ExplicitVRLittleEndian)
                .shortElement(Tag.PatientName, "PN", "A^B ").shortElement(Tag.PatientID, "Q9", "P1").toArray();
        assertThatThrownBy(() -> read(badVr)).isInstanceOf(InvalidDicomException.class).hasMessageContaining("unknown VR \"Q9\"");
        byte[] junk = new byte[600];
        new java.util.Random(1).nextBytes(junk);
        byte[] afterPreamble = new Bytes().raw(new byte[128]).ascii("DICM").raw(junk).toArray();
        assertThatThrownBy(() -> read(afterPreamble)).isInstanceOf(InvalidDicomException.class);
        byte[] text = "Hello, this is not DICOM at all.\n".repeat(10).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> read(text)).isInstanceOf(InvalidDicomException.class).hasMessageContaining("not DICOM");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(InvalidDicomException.class);
    }

    @Test
    @DisplayName("sequences nested 5000 deep end in InvalidDicomException, not a stack overflow")
    void deepNesting() {
        byte[] bytes = nestedBytes(5000);
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(InvalidDicomException.class)
                .hasMessageContaining("nested deeper than 256");
        ReadOptions deepest = ReadOptions.builder().maxSequenceDepth(ReadOptions.LIMIT_MAX_SEQUENCE_DEPTH).build();
        assertThatThrownBy(() -> Part10Reader.read(new ByteArrayInputStream(bytes), "t", deepest))
                .isInstanceOf(InvalidDicomException.class);
        DicomFile ok = Part10Reader.read(new ByteArrayInputStream(nestedBytes(ReadOptions.LIMIT_MAX_SEQUENCE_DEPTH)), "t", deepest);
        assertThat(ok.dataSet().getSequence(Tag.ContentSequence)).hasSize(1);
    }

    private static byte[] nestedBytes(int depth) {
        Bytes b = part10Head(UID.ImplicitVRLittleEndian);
        for (int i = 0; i < depth; i++) {
            b.tag(Tag.ContentSequence).u32(0xFFFFFFFFL).tag(0xFFFEE000).u32(0xFFFFFFFFL);
        }
        for (int i = 0; i < depth; i++) {
            b.tag(0xFFFEE00D).u32(0).tag(0xFFFEE0DD).u32(0);
        }
        return b.toArray();
    }

    @Test
    @DisplayName("a deflate bomb stops at maxInflatedSize with InvalidDicomException")
    void deflateBomb() {
        long inflated = 64L << 20;
        Bytes body = new Bytes().tag(0x00091010).ascii("OB").u16(0).u32(inflated);
        Deflater d = new Deflater(9, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] out = new byte[1 << 16];
        d.setInput(body.toArray());
        byte[] zeros = new byte[1 << 20];
        for (long done = 0; done < inflated; done += zeros.length) {
            while (!d.needsInput()) {
                compressed.write(out, 0, d.deflate(out));
            }
            d.setInput(zeros);
        }
        d.finish();
        while (!d.finished()) {
            compressed.write(out, 0, d.deflate(out));
        }
        d.end();
        byte[] bytes = part10Head(UID.DeflatedExplicitVRLittleEndian).raw(compressed.toByteArray()).toArray();
        assertThat(bytes.length).isLessThan(200_000);
        ReadOptions small = ReadOptions.builder().maxInflatedSize(8L << 20).build();
        assertThatThrownBy(() -> Part10Reader.read(new ByteArrayInputStream(bytes), "bomb.dcm", small))
                .isInstanceOf(InvalidDicomException.class).hasMessageContaining("deflate bomb").hasMessageContaining("bomb.dcm");
        ReadOptions smallHeader = small.toBuilder().skipBulkData(true).build();
        assertThatThrownBy(() -> Part10Reader.read(new ByteArrayInputStream(bytes), "bomb.dcm", smallHeader))
                .isInstanceOf(InvalidDicomException.class).hasMessageContaining("deflate bomb");
        // Within the limit the same stream is a valid data set.
        DataSet ds = Part10Reader.read(new ByteArrayInputStream(bytes), "ok.dcm", ReadOptions.headerOnly()).dataSet();
        assertThat(ds.get(0x00091010).bulkData().length()).isEqualTo(inflated);
    }

    @Test
    @DisplayName("corrupt deflated data is InvalidDicomException")
    void corruptDeflate() {
        byte[] junk = new byte[200];
        java.util.Arrays.fill(junk, (byte) 0xFF);
        byte[] bytes = part10Head(UID.DeflatedExplicitVRLittleEndian).raw(junk).toArray();
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(InvalidDicomException.class);
    }

    @Test
    @DisplayName("big endian values are swapped to the little-endian model")
    void bigEndian() {
        DataSet ds = TestDataSets.everyVr();
        byte[] be = TestDataSets.toBytes(ds, UID.ExplicitVRBigEndian);
        DataSet read = read(be).dataSet();
        assertThat(read.getInt(Tag.Rows, 0)).isEqualTo(4);
        assertThat(read.get(Tag.FrameIncrementPointer).ints()).containsExactly(Tag.FrameTime, Tag.SliceLocation);
        assertThat(ByteBuffer.wrap(read.get(Tag.VectorGridData).bytes()).order(ByteOrder.LITTLE_ENDIAN).getFloat(0)).isEqualTo(1.5f);
    }
}
