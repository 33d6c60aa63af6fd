package org.dicommeta.codec.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.dicommeta.codec.CodecVersion;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Part10RoundTripTest {

    @Test
    @DisplayName("the every-VR test data set really holds all 34 VRs")
    void testDataCoversEveryVr() {
        Set<VR> seen = EnumSet.noneOf(VR.class);
        collect(TestDataSets.everyVr(), seen);
        assertThat(seen).containsExactlyInAnyOrder(VR.values());
    }

    private static void collect(DataSet ds, Set<VR> seen) {
        for (Element e : ds) {
            seen.add(e.vr());
            for (DataSet item : e.items()) {
                collect(item, seen);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {UID.ExplicitVRLittleEndian, UID.ExplicitVRBigEndian, UID.DeflatedExplicitVRLittleEndian})
    @DisplayName("explicit VR syntaxes: write then read gives an equal data set")
    void explicitRoundTrip(String ts) {
        DataSet original = TestDataSets.everyVr();
        DicomFile read = Part10Reader.read(new ByteArrayInputStream(TestDataSets.toBytes(original, ts)), "mem", ReadOptions.full());
        assertThat(read.transferSyntaxUid()).isEqualTo(ts);
        assertThat(read.dataSet()).isEqualTo(original);
        assertThat(read.fileMetaInformation().getString(Tag.MediaStorageSOPInstanceUID)).isEqualTo(TestDataSets.SOP_INSTANCE_UID);
        assertThat(read.fileMetaInformation().getString(Tag.ImplementationVersionName))
                .isEqualTo(CodecVersion.IMPLEMENTATION_VERSION_NAME);
        assertThat(read.fileMetaInformation().get(Tag.FileMetaInformationVersion).bytes()).containsExactly(0, 1);
    }

    @Test
    @DisplayName("implicit VR: public elements round-trip; private ones without a dictionary entry come back as UN")
    void implicitRoundTrip() {
        DataSet original = TestDataSets.everyVr();
        DataSet read = Part10Reader.read(new ByteArrayInputStream(
                TestDataSets.toBytes(original, UID.ImplicitVRLittleEndian)), "mem", ReadOptions.full()).dataSet();
        assertThat(read.size()).isEqualTo(original.size());
        for (Element e : original) {
            Element r = read.get(e.tag());
            if (Tag.isPrivate(e.tag()) && !Tag.isPrivateCreator(e.tag())) {
                assertThat(r.vr()).as(Tag.toString(e.tag())).isEqualTo(VR.UN);
                assertThat(r.bytes()).isNotNull();
            } else {
                assertThat(r).as(Tag.toString(e.tag())).isEqualTo(e);
            }
        }
        assertThat(read.get(Tag.SmallestImagePixelValue).vr()).as("US or SS resolved by Pixel Representation").isEqualTo(VR.SS);
        assertThat(read.getString(Tag.ReferringPhysicianName)).isEqualTo("Müller^Hans=ミュラー^ハンス");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {UID.ExplicitVRLittleEndian, "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.90"})
    @DisplayName("encapsulated pixel data stays fragments, basic offset table first, odd fragment padded")
    void encapsulatedRoundTrip(String ts) {
        DataSet original = TestDataSets.encapsulated();
        DicomFile read = Part10Reader.read(new ByteArrayInputStream(TestDataSets.toBytes(original, ts)), "mem", ReadOptions.full());
        Element px = read.dataSet().get(Tag.PixelData);
        assertThat(px.fragments().size()).isEqualTo(3);
        assertThat(px.fragments().get(0)).containsExactly(0, 0, 0, 0);
        assertThat(px.fragments().get(1)).containsExactly(0xFF, 0xD8, 1, 2);
        assertThat(px.length()).isEqualTo(-1);
        assertThat(read.transferSyntaxUid()).isEqualTo(ts);
    }

    @Test
    @DisplayName("files: write to a path and read it back, full and header-only")
    void files(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.dcm");
        DataSet original = TestDataSets.everyVr();
        Part10Writer.write(f, original, UID.ExplicitVRLittleEndian);
        assertThat(Part10Reader.read(f).dataSet()).isEqualTo(original);
        byte[] bytes = Files.readAllBytes(f);
        assertThat(new String(bytes, 128, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DICM");
        DataSet header = Part10Reader.read(f, ReadOptions.headerOnly()).dataSet();
        assertThat(header.get(Tag.PixelData).isBulkData()).isTrue();
        assertThat(header.getString(Tag.PatientName)).isEqualTo("Doe^Jane");
    }

    @Test
    @DisplayName("raw data sets without preamble or meta are detected: implicit LE, explicit LE, explicit BE")
    void rawDataSets() {
        DataSet original = TestDataSets.everyVr();
        original.remove(0x00191001);
        for (String ts : new String[] {UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian, UID.ExplicitVRBigEndian}) {
            DicomFile read = Part10Reader.read(new ByteArrayInputStream(TestDataSets.rawBytes(original, ts)), "raw", ReadOptions.full());
            assertThat(read.transferSyntaxUid()).as(ts).isEqualTo(ts);
            assertThat(read.hasFileMetaInformation()).isFalse();
            assertThat(read.dataSet().getString(Tag.SOPInstanceUID)).isEqualTo(TestDataSets.SOP_INSTANCE_UID);
            assertThat(read.dataSet().get(Tag.ReferencedImageSequence).items()).hasSize(2);
        }
    }

    @Test
    @DisplayName("deep nesting within the limit round-trips")
    void nesting() {
        DataSet original = TestDataSets.nested(200);
        DataSet read = Part10Reader.read(new ByteArrayInputStream(
                TestDataSets.toBytes(original, UID.ImplicitVRLittleEndian)), "mem", ReadOptions.full()).dataSet();
        assertThat(read).isEqualTo(original);
    }

    @Test
    @DisplayName("the writer refuses data sets without SOP UIDs and values it never read")
    void writerRefusals() {
        DataSet noUids = new DataSet();
        noUids.setString(Tag.PatientID, VR.LO, "P");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestDataSets.toBytes(noUids, UID.ExplicitVRLittleEndian))
                .isInstanceOf(org.dicommeta.codec.DicomCodecException.class).hasMessageContaining("(0008,0016)");
        DataSet bulk = TestDataSets.encapsulated();
        bulk.setBulkData(Tag.PixelData, VR.OB, org.dicommeta.codec.BulkDataReference.of("x.dcm", 10, 20));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestDataSets.toBytes(bulk, UID.ExplicitVRLittleEndian))
                .isInstanceOf(org.dicommeta.codec.DicomCodecException.class).hasMessageContaining("(7FE0,0010)");
    }

    @Test
    @DisplayName("text too long for a 16-bit length is written as UN in explicit VR and read back with its VR")
    void longText() {
        DataSet ds = TestDataSets.encapsulated();
        String longValue = "x".repeat(70_000);
        ds.setString(Tag.PatientComments, VR.LT, longValue);
        DataSet read = Part10Reader.read(new ByteArrayInputStream(TestDataSets.toBytes(ds, UID.ExplicitVRLittleEndian)),
                "mem", ReadOptions.full()).dataSet();
        assertThat(read.get(Tag.PatientComments).vr()).isEqualTo(VR.LT);
        assertThat(read.getString(Tag.PatientComments)).isEqualTo(longValue);
    }

    @Test
    @DisplayName("group lengths and group 0002 of the data set are not copied; the meta group length is right")
    void metaGroupLength() {
        DataSet ds = TestDataSets.encapsulated();
        ds.setInt(0x00080000, VR.UL, 12345);
        ds.setString(Tag.TransferSyntaxUID, VR.UI, "1.2.3");
        byte[] bytes = TestDataSets.toBytes(ds, UID.ExplicitVRLittleEndian);
        DicomFile read = Part10Reader.read(new ByteArrayInputStream(bytes), "mem", ReadOptions.full());
        assertThat(read.dataSet().contains(0x00080000)).isFalse();
        assertThat(read.fileMetaInformation().getString(Tag.TransferSyntaxUID)).isEqualTo(UID.ExplicitVRLittleEndian);
        long groupLength = read.fileMetaInformation().getInt(Tag.FileMetaInformationGroupLength, -1);
        // preamble 128 + "DICM" 4 + group length element 12 + the group itself = start of the data set
        int dataSetStart = 128 + 4 + 12 + (int) groupLength;
        assertThat(bytes[dataSetStart]).isEqualTo((byte) 0x08);
        assertThat(bytes[dataSetStart + 1]).isEqualTo((byte) 0x00);
    }
}
