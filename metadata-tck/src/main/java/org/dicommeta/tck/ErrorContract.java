package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.UID;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.domain.InvalidDicomException;
import org.dicommeta.domain.InvalidUidException;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.NotFoundException;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.tck.data.SyntheticStudies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Contract section "Errors": typed exceptions naming the UID, file or source; invalid UIDs rejected
 * before they reach the store; bad input never crashes, hangs, or leaves anything behind.
 */
@Timeout(60)
public interface ErrorContract extends StoreUnderTest {

    /** UIDs that break PS3.5 §9.1 in different ways, some of them also dangerous as paths or keys. */
    List<String> INVALID_UIDS = List.of("", "1.2.abc", "1..2", "01.2.3", "1.2.", ".1.2", "1.2.3 ",
            "../../etc/passwd", "1/2/3", "1.2.3\u0000", "1.2.3'; DROP TABLE instances;--", "1." + "2".repeat(63));

    @Test
    @DisplayName("invalid UIDs are rejected with InvalidUidException naming them, before reaching the store")
    default void invalidUidsNeverReachTheStore() {
        StoreSpy spy = StoreSpy.on(kit().store());
        DataSet ds = SyntheticStudies.ct(100);
        try (MetadataAgent agent = MetadataAgents.of(spy.store())) {
            for (String bad : INVALID_UIDS) {
                List<Consumer<String>> operations = List.of(
                        uid -> agent.json().exists(uid),
                        uid -> agent.xml().get(uid),
                        uid -> agent.json().getText(uid),
                        uid -> agent.xml().openStream(uid),
                        uid -> agent.json().info(uid),
                        uid -> agent.xml().delete(List.of("1.2.3", uid)),
                        uid -> agent.json().store(ds, uid, Kit.defaults(MetadataFormat.JSON), true),
                        uid -> agent.storeMetadata(ds, uid, MetadataOptions.defaults(), true),
                        uid -> agent.instance(uid),
                        uid -> agent.deleteInstances(List.of(uid)));
                for (Consumer<String> op : operations) {
                    assertThatThrownBy(() -> op.accept(bad))
                            .as("UID '%s'", bad)
                            .isInstanceOf(InvalidUidException.class)
                            .satisfies(e -> assertThat(((InvalidUidException) e).uid()).isEqualTo(bad));
                }
            }
        }
        assertThat(spy.calls()).as("store calls made with an invalid UID").isEmpty();
        assertThatThrownBy(() -> kit().agent().json().exists("1.2.x"))
                .isInstanceOf(InvalidUidException.class).hasMessageContaining("1.2.x");
    }

    @Test
    @DisplayName("storing a data set whose SOP Instance UID is invalid is rejected and indexes nothing")
    default void invalidSopInstanceUidInDataSet() {
        DataSet ds = SyntheticStudies.ct(101);
        ds.setString(org.dicommeta.codec.Tag.SOPInstanceUID, org.dicommeta.codec.VR.UI, "1.2.3.abc");

        assertThatThrownBy(() -> kit().agent().store(ds, UID.ExplicitVRLittleEndian, "/x.dcm", StoreOptions.indexOnly()))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("1.2.3.abc");
        kit().assertCounts(MetadataFormat.JSON, 0, 0);
    }

    @Test
    @DisplayName("storing a missing file throws a not-found error naming the file, and indexes nothing")
    default void missingFile() {
        Path missing = kit().dir().resolve("no-such-file.dcm");

        assertThatThrownBy(() -> kit().agent().store(missing, StoreOptions.withMetadata(MetadataOptions.defaults())))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-file.dcm");
        kit().assertCounts(MetadataFormat.JSON, 0, 0);
    }

    @Test
    @DisplayName("storing a non-DICOM file throws InvalidDicomException naming the file, and indexes nothing")
    default void nonDicomFile() throws Exception {
        kit().importStudy(102, 1);
        Path text = kit().dir().resolve("notes.txt");
        Files.writeString(text, "Dear colleague, this is not a DICOM file.\n".repeat(10));

        assertThatThrownBy(() -> kit().agent().store(text, StoreOptions.withMetadata(MetadataOptions.defaults())))
                .isInstanceOf(InvalidDicomException.class)
                .hasMessageContaining("notes.txt");
        kit().assertCounts(MetadataFormat.JSON, 1, 0);
        kit().assertCounts(MetadataFormat.XML, 1, 0);
    }

    @Test
    @DisplayName("storing a non-DICOM stream throws InvalidDicomException naming the source")
    default void nonDicomStream() {
        byte[] junk = new byte[600];
        new java.util.Random(103).nextBytes(junk);

        assertThatThrownBy(() -> kit().agent().store(new ByteArrayInputStream(junk), "upload-103.bin",
                StoreOptions.indexOnly()))
                .isInstanceOf(InvalidDicomException.class)
                .hasMessageContaining("upload-103.bin");
        kit().assertCounts(MetadataFormat.JSON, 0, 0);
    }

    @Test
    @Timeout(30)
    @DisplayName("storing a truncated Part 10 file throws InvalidDicomException with the file and a byte offset")
    default void truncatedFile() throws Exception {
        Path whole = kit().writeStudy(104, 1, 0).get(0);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = kit().dir().resolve("truncated.dcm");
        // Cut inside the data set's header attributes, well before the pixel data.
        Files.write(cut, java.util.Arrays.copyOf(bytes, 420));

        assertThatThrownBy(() -> kit().agent().store(cut, StoreOptions.withMetadata(MetadataOptions.defaults())))
                .isInstanceOf(InvalidDicomException.class)
                .hasMessageContaining("truncated.dcm")
                .satisfies(e -> assertThat(((InvalidDicomException) e).offset()).isNotNegative());
        kit().assertCounts(MetadataFormat.JSON, 0, 0);
    }

    @Test
    @Timeout(30)
    @DisplayName("a length field far beyond the bytes available is refused quickly, without allocating it")
    default void hugeLengthField() throws Exception {
        Path evil = kit().dir().resolve("huge-length.dcm");
        Files.write(evil, hugeLengthFile());

        assertThatThrownBy(() -> kit().agent().store(evil, StoreOptions.withMetadata(MetadataOptions.defaults())))
                .isInstanceOf(InvalidDicomException.class)
                .hasMessageContaining("huge-length.dcm");
        kit().assertCounts(MetadataFormat.JSON, 0, 0);
    }

    /**
     * A Part 10 file (Explicit VR Little Endian) whose Text Value (0040,A160) UT claims 2 GiB - 16 bytes
     * while 8 follow.
     */
    private static byte[] hugeLengthFile() {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        explicit(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1});
        explicit(meta, 0x0002, 0x0002, "UI", uid(UID.CTImageStorage));
        explicit(meta, 0x0002, 0x0003, "UI", uid("1.2.826.0.1.3680043.10.543.666"));
        explicit(meta, 0x0002, 0x0010, "UI", uid(UID.ExplicitVRLittleEndian));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        explicit(out, 0x0002, 0x0000, "UL", le32(meta.size()));
        out.writeBytes(meta.toByteArray());
        explicit(out, 0x0008, 0x0016, "UI", uid(UID.CTImageStorage));
        explicit(out, 0x0008, 0x0018, "UI", uid("1.2.826.0.1.3680043.10.543.666"));
        le16(out, 0x0040);
        le16(out, 0xA160);
        out.writeBytes("UT".getBytes(StandardCharsets.US_ASCII));
        le16(out, 0);
        out.writeBytes(le32(0x7FFFFFF0));
        out.writeBytes("EVILEVIL".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] uid(String uid) {
        String padded = uid.length() % 2 == 0 ? uid : uid + "\0";
        return padded.getBytes(StandardCharsets.US_ASCII);
    }

    private static void explicit(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
        le16(out, group);
        le16(out, element);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB") || vr.equals("UT")) {
            le16(out, 0);
            out.writeBytes(le32(value.length));
        } else {
            le16(out, value.length);
        }
        out.writeBytes(value);
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
