package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dicommeta.codec.UID;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.tck.data.SyntheticStudies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract row "count(scope)" and the invariant {@code ALL = EXISTING + MISSING}, MISSING ≥ 0, checked
 * after every kind of mutation and under concurrent writers in one process.
 */
public interface CountContract extends StoreUnderTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("an empty store counts zero in every scope")
    default void emptyStoreCountsZero(MetadataFormat format) {
        kit().assertCounts(format, 0, 0);
        assertThat(kit().store().count(format, MetadataScope.MISSING)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("ALL equals EXISTING plus MISSING after every kind of mutation")
    default void invariantAfterEveryMutation(MetadataFormat format) {
        MetadataFormat other = format == MetadataFormat.JSON ? MetadataFormat.XML : MetadataFormat.JSON;
        var records = kit().agent().records(format);
        List<Path> files = kit().writeStudy(50, 6, 4);

        List<String> uids = kit().importFiles(files.subList(0, 8));
        kit().assertCounts(format, 8, 0);

        kit().agent().store(files.get(8), StoreOptions.withMetadata(MetadataOptions.single(Kit.defaults(format))));
        kit().assertCounts(format, 9, 1);

        for (int i = 0; i < 4; i++) {
            records.store(kit().read(files.get(i)), uids.get(i), Kit.defaults(format), false);
        }
        kit().assertCounts(format, 9, 5);

        records.store(kit().read(files.get(0)), uids.get(0), Kit.alternative(format), true);
        kit().assertCounts(format, 9, 5);

        kit().agent().store(files.get(0), StoreOptions.indexOnly().withOverwrite(true));
        kit().assertCounts(format, 9, 5);

        kit().agent().records(other).store(kit().read(files.get(5)), uids.get(5), Kit.defaults(other), false);
        kit().assertCounts(format, 9, 5);
        kit().assertCounts(other, 9, 1);

        records.delete(List.of(uids.get(1)));
        kit().assertCounts(format, 9, 4);

        kit().agent().deleteInstances(List.of(uids.get(2), uids.get(7)));
        kit().assertCounts(format, 7, 3);
        kit().assertCounts(other, 7, 1);

        kit().generate(Kit.generation(Kit.defaults(format)), MetadataScope.MISSING);
        kit().assertCounts(format, 7, 7);

        records.deleteAll();
        kit().assertCounts(format, 7, 0);

        kit().importFiles(List.of(files.get(9)));
        kit().assertCounts(format, 8, 0);
        kit().assertCounts(other, 8, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("count MISSING equals ALL minus EXISTING after deletes")
    default void missingAfterDeletes(MetadataFormat format) {
        List<String> uids = kit().importStudy(51, 12);
        kit().generate(Kit.generation(Kit.defaults(format)), MetadataScope.ALL);
        kit().assertCounts(format, 12, 12);

        kit().agent().records(format).delete(uids.subList(0, 5));
        kit().agent().deleteInstances(uids.subList(10, 12));

        var c = kit().counts(format);
        assertThat(c).isEqualTo(new Kit.Counts(10, 5, 5));
        assertThat(c.missing()).isEqualTo(c.all() - c.existing());
    }

    @Test
    @DisplayName("counts are kept per format: writing JSON records does not change the XML counts")
    default void countsArePerFormat() {
        List<String> uids = kit().importStudy(52, 6);
        kit().generate(Kit.generation(Kit.defaults(MetadataFormat.JSON)), MetadataScope.MISSING);

        kit().assertCounts(MetadataFormat.JSON, 6, 6);
        kit().assertCounts(MetadataFormat.XML, 6, 0);
        assertThat(kit().agent().xml().exists(uids.get(0))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @Timeout(60)
    @DisplayName("counts are exact after concurrent writers in one process")
    default void countsUnderConcurrentWriters(MetadataFormat format) throws Exception {
        MetadataStore store = kit().store();
        int threads = 4;
        int perThread = 40;
        var study = SyntheticStudies.study(53, 1, 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String uid = "1.2.826.0.1.3680043.10.543." + thread + "." + (i + 1);
                        store.putInstance(new Instance(uid, study.studyInstanceUid(), "1.2.3", "P", UID.CTImageStorage,
                                UID.ExplicitVRLittleEndian, "/none/" + uid, Instant.now()), false);
                        if (i % 2 == 0) {
                            byte[] content = ("{\"uid\":\"" + uid + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                            RecordInfo info = new RecordInfo(uid, format, "", "kit", Instant.now(), content.length,
                                    Kit.sha256(content));
                            List<RecordWriteOutcome> o = store.putRecords(List.of(
                                    new RecordWrite(info, content, RecordWrite.Mode.IF_ABSENT)));
                            assertThat(o).containsExactly(RecordWriteOutcome.WRITTEN);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        kit().assertCounts(format, threads * perThread, threads * perThread / 2);
        assertThat(store.count(format, MetadataScope.MISSING)).isEqualTo(threads * perThread / 2);
    }
}
