package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.domain.InstanceNotFoundException;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataRecords;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.WriteOutcome;
import org.dicommeta.domain.XmlOptions;
import org.dicommeta.tck.data.SyntheticStudies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract rows "store metadata" (one format and both), "exists" and "get" (bytes, text, stream).
 */
public interface RecordContract extends StoreUnderTest {

    /** Imports one CT instance and returns its UID and data set. */
    private Map.Entry<String, DataSet> oneInstance(long seed) {
        Path file = kit().writeStudy(seed, 1, 0).get(0);
        String uid = kit().importFiles(List.of(file)).get(0);
        return Map.entry(uid, kit().read(file));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("storing metadata for an indexed instance writes its record")
    default void storeMetadataWrites(MetadataFormat format) {
        var one = oneInstance(30);
        MetadataRecords records = kit().agent().records(format);

        WriteOutcome outcome = records.store(one.getValue(), one.getKey(), Kit.defaults(format), false);

        assertThat(outcome).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(records.exists(one.getKey())).isTrue();
        assertThat(kit().text(format, one.getKey())).contains(one.getKey());
        kit().assertCounts(format, 1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("storing metadata without overwrite where a record exists reports NOT_WRITTEN_EXISTS and changes nothing")
    default void storeMetadataWithoutOverwriteChangesNothing(MetadataFormat format) {
        var one = oneInstance(31);
        MetadataRecords records = kit().agent().records(format);
        records.store(one.getValue(), one.getKey(), Kit.defaults(format), false);
        byte[] bytes = records.get(one.getKey()).orElseThrow();
        RecordInfo info = records.info(one.getKey()).orElseThrow();

        WriteOutcome outcome = records.store(one.getValue(), one.getKey(), Kit.alternative(format), false);

        assertThat(outcome).isEqualTo(WriteOutcome.NOT_WRITTEN_EXISTS);
        assertThat(records.get(one.getKey())).hasValue(bytes);
        assertThat(records.info(one.getKey())).hasValue(info);
        kit().assertCounts(format, 1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("storing metadata with overwrite replaces the record")
    default void storeMetadataWithOverwriteReplaces(MetadataFormat format) {
        var one = oneInstance(32);
        MetadataRecords records = kit().agent().records(format);
        records.store(one.getValue(), one.getKey(), Kit.defaults(format), false);
        byte[] before = records.get(one.getKey()).orElseThrow();

        WriteOutcome outcome = records.store(one.getValue(), one.getKey(), Kit.alternative(format), true);

        assertThat(outcome).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(records.get(one.getKey()).orElseThrow()).isNotEqualTo(before);
        assertThat(records.info(one.getKey()).orElseThrow().flags()).isEqualTo(Kit.alternative(format).canonicalFlags());
        kit().assertCounts(format, 1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("storing metadata for an unknown SOP Instance UID throws InstanceNotFoundException and writes nothing")
    default void storeMetadataForUnknownInstance(MetadataFormat format) {
        kit().importStudy(33, 2);
        DataSet stranger = SyntheticStudies.ct(3300);
        String uid = stranger.getString(Tag.SOPInstanceUID);
        MetadataRecords records = kit().agent().records(format);

        assertThatThrownBy(() -> records.store(stranger, uid, Kit.defaults(format), true))
                .isInstanceOf(InstanceNotFoundException.class)
                .hasMessageContaining(uid);

        assertThat(records.exists(uid)).isFalse();
        assertThat(records.get(uid)).isEmpty();
        assertThat(kit().agent().instance(uid)).as("no instance appears either").isEmpty();
        kit().assertCounts(format, 2, 0);
    }

    @Test
    @DisplayName("storing metadata in both formats at once writes one record of each")
    default void storeMetadataBothFormats() {
        var one = oneInstance(34);

        Map<MetadataFormat, WriteOutcome> out = kit().agent().storeMetadata(one.getValue(), one.getKey(),
                MetadataOptions.defaults(), false);

        assertThat(out).isEqualTo(Map.of(MetadataFormat.JSON, WriteOutcome.WRITTEN,
                MetadataFormat.XML, WriteOutcome.WRITTEN));
        kit().assertCounts(MetadataFormat.JSON, 1, 1);
        kit().assertCounts(MetadataFormat.XML, 1, 1);
    }

    @Test
    @DisplayName("storing both formats without overwrite is judged per format: only the missing record is written")
    default void storeMetadataBothFormatsJudgedPerFormat() {
        var one = oneInstance(35);
        kit().agent().json().store(one.getValue(), one.getKey(), JsonOptions.defaults(), false);
        byte[] json = kit().agent().json().get(one.getKey()).orElseThrow();

        Map<MetadataFormat, WriteOutcome> out = kit().agent().storeMetadata(one.getValue(), one.getKey(),
                MetadataOptions.both((JsonOptions) Kit.alternative(MetadataFormat.JSON), XmlOptions.defaults()), false);

        assertThat(out).isEqualTo(Map.of(MetadataFormat.JSON, WriteOutcome.NOT_WRITTEN_EXISTS,
                MetadataFormat.XML, WriteOutcome.WRITTEN));
        assertThat(kit().agent().json().get(one.getKey())).hasValue(json);
        assertThat(kit().agent().xml().exists(one.getKey())).isTrue();
    }

    @Test
    @DisplayName("storing both formats for an unknown SOP Instance UID throws InstanceNotFoundException and writes neither")
    default void storeMetadataBothFormatsUnknownInstance() {
        kit().importStudy(36, 1);
        DataSet stranger = SyntheticStudies.mr(3600);
        String uid = stranger.getString(Tag.SOPInstanceUID);

        assertThatThrownBy(() -> kit().agent().storeMetadata(stranger, uid, MetadataOptions.defaults(), false))
                .isInstanceOf(InstanceNotFoundException.class)
                .hasMessageContaining(uid);

        assertThat(kit().agent().json().exists(uid)).isFalse();
        assertThat(kit().agent().xml().exists(uid)).isFalse();
        kit().assertCounts(MetadataFormat.JSON, 1, 0);
        kit().assertCounts(MetadataFormat.XML, 1, 0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("exists is true exactly when a record of that format exists")
    default void existsPerFormat(MetadataFormat format) {
        var one = oneInstance(37);
        MetadataFormat other = format == MetadataFormat.JSON ? MetadataFormat.XML : MetadataFormat.JSON;
        assertThat(kit().agent().records(format).exists(one.getKey())).as("before").isFalse();

        kit().agent().records(format).store(one.getValue(), one.getKey(), Kit.defaults(format), false);

        assertThat(kit().agent().records(format).exists(one.getKey())).isTrue();
        assertThat(kit().agent().records(other).exists(one.getKey())).as("the other format").isFalse();
        assertThat(kit().agent().records(format).exists("1.2.840.99999.1")).as("an unknown UID").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("get returns the stored bytes exactly, as bytes, as text and as a stream")
    default void getReturnsExactBytes(MetadataFormat format) throws Exception {
        var one = oneInstance(38);
        MetadataRecords records = kit().agent().records(format);
        records.store(one.getValue(), one.getKey(), Kit.alternative(format), false);

        byte[] bytes = records.get(one.getKey()).orElseThrow();
        byte[] streamed;
        try (InputStream in = records.openStream(one.getKey()).orElseThrow()) {
            streamed = in.readAllBytes();
        }

        assertThat(streamed).isEqualTo(bytes);
        assertThat(records.getText(one.getKey())).hasValue(new String(bytes, StandardCharsets.UTF_8));
        RecordInfo info = records.info(one.getKey()).orElseThrow();
        assertThat(info.size()).isEqualTo(bytes.length);
        assertThat(info.sha256()).isEqualTo(Kit.sha256(bytes));
        assertThat(kit().store().getRecord(format, one.getKey())).as("the port returns the same bytes").hasValue(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("get of an instance without a record returns empty in every form")
    default void getWithoutRecordIsEmpty(MetadataFormat format) {
        var one = oneInstance(39);
        MetadataRecords records = kit().agent().records(format);

        for (String uid : List.of(one.getKey(), "1.2.840.99999.2")) {
            assertThat(records.get(uid)).as("get %s", uid).isEmpty();
            assertThat(records.getText(uid)).as("getText %s", uid).isEmpty();
            assertThat(records.openStream(uid)).as("openStream %s", uid).isEmpty();
            assertThat(records.info(uid)).as("info %s", uid).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("records keep non-ASCII person names intact: UTF-8 Japanese and Latin-1 names read back as written")
    default void personNamesSurviveTheStore(MetadataFormat format) {
        MetadataRecords records = kit().agent().records(format);
        for (SyntheticStudies.PatientCharset charset : SyntheticStudies.PatientCharset.values()) {
            var study = SyntheticStudies.builder(40 + charset.ordinal()).charset(charset).ct(1).build();
            Path file = SyntheticStudies.writeStudy(kit().dir().resolve(charset.name()), study).get(0);
            String uid = kit().importFiles(List.of(file)).get(0);
            records.store(kit().read(file), uid, Kit.defaults(format), false);

            String text = kit().text(format, uid);
            for (String group : study.patientName().split("=")) {
                for (String component : group.split("\\^")) {
                    assertThat(text).as("%s record of a %s study holds name component '%s'", format, charset, component)
                            .contains(component);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("a stored record carries its provenance: flags, codec version, time written, size and SHA-256 of the bytes")
    default void storedRecordProvenance(MetadataFormat format) {
        var one = oneInstance(41);
        var options = Kit.alternative(format);
        java.time.Instant start = java.time.Instant.now().minusSeconds(2);

        kit().agent().records(format).store(one.getValue(), one.getKey(), options, false);

        byte[] bytes = kit().agent().records(format).get(one.getKey()).orElseThrow();
        RecordInfo info = kit().agent().records(format).info(one.getKey()).orElseThrow();
        assertThat(info.sopInstanceUid()).isEqualTo(one.getKey());
        assertThat(info.format()).isEqualTo(format);
        assertThat(info.flags()).isEqualTo(options.canonicalFlags());
        assertThat(info.codecVersion()).isEqualTo(org.dicommeta.codec.CodecVersion.VERSION);
        assertThat(info.writtenAt()).isBetween(start, java.time.Instant.now().plusSeconds(2));
        assertThat(info.size()).isEqualTo(bytes.length);
        assertThat(info.sha256()).isEqualTo(Kit.sha256(bytes));
    }
}
