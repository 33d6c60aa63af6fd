package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.domain.StoreResult;
import org.dicommeta.domain.WriteOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract row "store instance": from a Part 10 file, a stream, or a parsed data set plus its source;
 * an existing UID is replaced only with overwrite; metadata may be rendered in the same call.
 */
public interface InstanceContract extends StoreUnderTest {

    @Test
    @DisplayName("storing a Part 10 file indexes its identifying attributes and returns its SOP Instance UID")
    default void storeFromFile() throws Exception {
        Path file = kit().writeStudy(11, 1, 0).get(0);
        DataSet ds = kit().read(file);

        StoreResult r = kit().agent().store(file, StoreOptions.indexOnly());

        String uid = ds.getString(Tag.SOPInstanceUID);
        assertThat(r.sopInstanceUid()).isEqualTo(uid);
        assertThat(r.instance()).isEqualTo(InstanceOutcome.STORED);
        assertThat(r.metadata()).as("no metadata was asked for").isEmpty();
        Instance i = kit().agent().instance(uid).orElseThrow();
        assertThat(i.studyInstanceUid()).isEqualTo(ds.getString(Tag.StudyInstanceUID));
        assertThat(i.seriesInstanceUid()).isEqualTo(ds.getString(Tag.SeriesInstanceUID));
        assertThat(i.patientId()).isEqualTo(ds.getString(Tag.PatientID));
        assertThat(i.sopClassUid()).isEqualTo(UID.CTImageStorage);
        assertThat(i.transferSyntaxUid()).isEqualTo(UID.ExplicitVRLittleEndian);
        assertThat(Files.isSameFile(kit().sourceOf(uid), file)).as("the source %s refers to %s", i.source(), file)
                .isTrue();
        kit().assertCounts(MetadataFormat.JSON, 1, 0);
        kit().assertCounts(MetadataFormat.XML, 1, 0);
    }

    @Test
    @DisplayName("storing from a stream indexes the instance with the source it is given")
    default void storeFromStream() throws Exception {
        Path file = kit().writeStudy(12, 0, 1).get(0);
        String source = file.toAbsolutePath().toString();

        StoreResult r;
        try (InputStream in = Files.newInputStream(file)) {
            r = kit().agent().store(in, source, StoreOptions.indexOnly());
        }

        assertThat(r.instance()).isEqualTo(InstanceOutcome.STORED);
        Instance i = kit().agent().instance(r.sopInstanceUid()).orElseThrow();
        assertThat(i.source()).isEqualTo(source);
        assertThat(i.sopClassUid()).isEqualTo(UID.MRImageStorage);
        assertThat(r.sopInstanceUid()).isEqualTo(kit().read(file).getString(Tag.SOPInstanceUID));
    }

    @Test
    @DisplayName("storing a parsed data set indexes it with its source and transfer syntax")
    default void storeFromDataSet() {
        Path file = kit().writeStudy(13, 1, 0).get(0);
        DataSet ds = kit().read(file);

        StoreResult r = kit().agent().store(ds, UID.ExplicitVRLittleEndian, file.toString(),
                StoreOptions.indexOnly());

        assertThat(r.sopInstanceUid()).isEqualTo(ds.getString(Tag.SOPInstanceUID));
        assertThat(r.instance()).isEqualTo(InstanceOutcome.STORED);
        Instance i = kit().agent().instance(r.sopInstanceUid()).orElseThrow();
        assertThat(i.source()).isEqualTo(file.toString());
        assertThat(i.transferSyntaxUid()).isEqualTo(UID.ExplicitVRLittleEndian);
        assertThat(i.studyInstanceUid()).isEqualTo(ds.getString(Tag.StudyInstanceUID));
    }

    @Test
    @DisplayName("storing an existing UID without overwrite leaves its index entry as it was and says so")
    default void storeExistingWithoutOverwrite() {
        Path file = kit().writeStudy(14, 1, 0).get(0);
        DataSet ds = kit().read(file);
        String uid = kit().agent().store(file, StoreOptions.indexOnly()).sopInstanceUid();
        Instance before = kit().agent().instance(uid).orElseThrow();

        StoreResult again = kit().agent().store(ds, UID.ExplicitVRLittleEndian, "/elsewhere/copy.dcm",
                StoreOptions.indexOnly());

        assertThat(again.instance()).isEqualTo(InstanceOutcome.ALREADY_PRESENT);
        assertThat(kit().agent().instance(uid)).contains(before);
        kit().assertCounts(MetadataFormat.JSON, 1, 0);
    }

    @Test
    @DisplayName("storing an existing UID with overwrite replaces its index entry and keeps its records")
    default void storeExistingWithOverwrite() {
        Path file = kit().writeStudy(15, 1, 0).get(0);
        DataSet ds = kit().read(file);
        String uid = kit().agent().store(file, StoreOptions.withMetadata(MetadataOptions.defaults()))
                .sopInstanceUid();
        byte[] json = kit().agent().json().get(uid).orElseThrow();

        StoreResult again = kit().agent().store(ds, UID.ExplicitVRLittleEndian, "/elsewhere/copy.dcm",
                StoreOptions.indexOnly().withOverwrite(true));

        assertThat(again.instance()).isEqualTo(InstanceOutcome.REPLACED);
        assertThat(kit().agent().instance(uid).orElseThrow().source()).isEqualTo("/elsewhere/copy.dcm");
        assertThat(kit().agent().json().get(uid)).as("records are kept").hasValue(json);
        assertThat(kit().agent().xml().exists(uid)).isTrue();
        kit().assertCounts(MetadataFormat.JSON, 1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("storing an instance with metadata renders and stores the record in the same call")
    default void storeWithRender(MetadataFormat format) {
        Path file = kit().writeStudy(16, 1, 0).get(0);

        StoreResult r = kit().agent().store(file,
                StoreOptions.withMetadata(MetadataOptions.single(Kit.defaults(format))));

        assertThat(r.instance()).isEqualTo(InstanceOutcome.STORED);
        assertThat(r.metadata()).isEqualTo(Map.of(format, WriteOutcome.WRITTEN));
        assertThat(kit().agent().records(format).exists(r.sopInstanceUid())).isTrue();
        MetadataFormat other = format == MetadataFormat.JSON ? MetadataFormat.XML : MetadataFormat.JSON;
        assertThat(kit().agent().records(other).exists(r.sopInstanceUid())).as("only the asked format").isFalse();
        assertThat(kit().text(format, r.sopInstanceUid())).contains(r.sopInstanceUid());
        kit().assertCounts(format, 1, 1);
        kit().assertCounts(other, 1, 0);
    }

    @Test
    @DisplayName("storing an instance with both formats writes both records in the same call")
    default void storeWithBothFormats() {
        Path file = kit().writeStudy(17, 0, 1).get(0);

        StoreResult r = kit().agent().store(file, StoreOptions.withMetadata(MetadataOptions.defaults()));

        assertThat(r.metadata()).isEqualTo(Map.of(MetadataFormat.JSON, WriteOutcome.WRITTEN,
                MetadataFormat.XML, WriteOutcome.WRITTEN));
        kit().assertCounts(MetadataFormat.JSON, 1, 1);
        kit().assertCounts(MetadataFormat.XML, 1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("storing again with metadata but without overwrite leaves the existing record unchanged")
    default void storeAgainWithRenderWithoutOverwrite(MetadataFormat format) {
        Path file = kit().writeStudy(18, 1, 0).get(0);
        String uid = kit().agent().store(file,
                StoreOptions.withMetadata(MetadataOptions.single(Kit.defaults(format)))).sopInstanceUid();
        byte[] before = kit().agent().records(format).get(uid).orElseThrow();

        StoreResult again = kit().agent().store(file,
                StoreOptions.withMetadata(MetadataOptions.single(Kit.alternative(format))));

        assertThat(again.instance()).isEqualTo(InstanceOutcome.ALREADY_PRESENT);
        assertThat(again.metadata()).isEqualTo(Map.of(format, WriteOutcome.NOT_WRITTEN_EXISTS));
        assertThat(kit().agent().records(format).get(uid)).hasValue(before);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("storing again with metadata and overwrite replaces the record")
    default void storeAgainWithRenderAndOverwrite(MetadataFormat format) {
        Path file = kit().writeStudy(19, 1, 0).get(0);
        String uid = kit().agent().store(file,
                StoreOptions.withMetadata(MetadataOptions.single(Kit.defaults(format)))).sopInstanceUid();
        byte[] before = kit().agent().records(format).get(uid).orElseThrow();

        StoreResult again = kit().agent().store(file,
                StoreOptions.withMetadata(MetadataOptions.single(Kit.alternative(format))).withOverwrite(true));

        assertThat(again.instance()).isEqualTo(InstanceOutcome.REPLACED);
        assertThat(again.metadata()).isEqualTo(Map.of(format, WriteOutcome.WRITTEN));
        assertThat(kit().agent().records(format).get(uid).orElseThrow()).isNotEqualTo(before);
        assertThat(kit().agent().records(format).info(uid).orElseThrow().flags())
                .isEqualTo(Kit.alternative(format).canonicalFlags());
        kit().assertCounts(format, 1, 1);
    }

    @Test
    @DisplayName("looking up an instance that was never stored returns empty")
    default void unknownInstanceIsEmpty() {
        kit().importStudy(20, 2);
        assertThat(kit().agent().instance("1.2.3.4.5")).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("a batch of instances at the port reports each outcome in the batch's order")
    default void putInstancesReportsOutcomesInOrder() {
        var study = org.dicommeta.tck.data.SyntheticStudies.study(21, 3, 0);
        List<Instance> batch = study.sopInstanceUids().stream()
                .map(uid -> new Instance(uid, study.studyInstanceUid(), "1.2.3", study.patientId(),
                        UID.CTImageStorage, UID.ExplicitVRLittleEndian, "/src/" + uid + ".dcm", java.time.Instant.now()))
                .toList();
        kit().store().putInstance(batch.get(1), false);

        List<InstanceOutcome> outcomes = kit().store().putInstances(batch, false);

        assertThat(outcomes).containsExactly(InstanceOutcome.STORED, InstanceOutcome.ALREADY_PRESENT,
                InstanceOutcome.STORED);
        assertThat(kit().store().putInstances(List.of(batch.get(0)), true)).containsExactly(InstanceOutcome.REPLACED);
        assertThat(kit().store().count(MetadataFormat.JSON, org.dicommeta.domain.MetadataScope.ALL)).isEqualTo(3);
        assertThat(kit().store().findInstance(batch.get(2).sopInstanceUid()).orElseThrow().source())
                .isEqualTo(batch.get(2).source());
    }

    @Test
    @DisplayName("storing from a stream reads it to its end without closing it")
    default void streamIsReadToItsEndButNotClosed() throws Exception {
        Path file = kit().writeStudy(22, 1, 0).get(0);
        byte[] bytes = Files.readAllBytes(file);
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        kit().agent().store(in, file.toString(), StoreOptions.indexOnly());

        assertThat(in.available()).as("bytes left unread").isZero();
        assertThat(closed[0]).as("the caller's stream was closed").isFalse();
    }
}
