package org.dicommeta.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads on one store: counts stay exact and no record outlives its instance. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("threads storing, writing, deleting at random leave counts equal to the files, ALL = EXISTING + MISSING")
    void randomMix() throws Exception {
        Path root = dir.resolve("s");
        int threads = 8;
        int uids = 60;
        int opsPerThread = 250;
        ConcurrentLinkedQueue<String> negative = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (FileMetadataStore store = Fixtures.open(root)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    Random rnd = new Random(seed);
                    start.await();
                    for (int i = 0; i < opsPerThread; i++) {
                        String uid = Fixtures.uid(rnd.nextInt(uids));
                        MetadataFormat f = rnd.nextBoolean() ? MetadataFormat.JSON : MetadataFormat.XML;
                        switch (rnd.nextInt(6)) {
                            case 0 -> store.putInstance(Fixtures.instance(uid), rnd.nextBoolean());
                            case 1 -> store.putInstances(List.of(Fixtures.instance(uid),
                                    Fixtures.instance(Fixtures.uid(rnd.nextInt(uids)))), rnd.nextBoolean());
                            case 2, 3 -> {
                                // batches of up to five, the same UID possibly twice
                                List<RecordWrite> batch = new ArrayList<>();
                                for (int k = rnd.nextInt(5); k >= 0; k--) {
                                    String u = k == 0 ? uid : Fixtures.uid(rnd.nextInt(uids));
                                    batch.add(Fixtures.record(u, f, new byte[rnd.nextInt(50)],
                                            rnd.nextBoolean() ? RecordWrite.Mode.REPLACE : RecordWrite.Mode.IF_ABSENT));
                                }
                                assertThat(store.putRecords(batch)).hasSize(batch.size());
                            }
                            case 4 -> store.deleteRecords(f, List.of(uid));
                            default -> store.deleteInstances(List.of(uid));
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                // A reader: whatever the moment, MISSING is never negative.
                while (running.get()) {
                    for (MetadataFormat f : MetadataFormat.values()) {
                        long missing = store.count(f, MetadataScope.MISSING);
                        if (missing < 0) {
                            negative.add(f + " MISSING " + missing);
                        }
                    }
                }
                return null;
            }));
            start.countDown();
            for (int i = 0; i < threads; i++) {
                futures.get(i).get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            futures.get(threads).get(10, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(negative).isEmpty();
            assertMatchesDisk(store, root);
        }
        try (FileMetadataStore reopened = Fixtures.open(root)) {
            assertThat(reopened.scanReport().orphanRecordsRemoved()).isZero();
            assertThat(reopened.scanReport().temporaryFilesRemoved()).isZero();
            assertMatchesDisk(reopened, root);
        }
    }

    private static void assertMatchesDisk(FileMetadataStore store, Path root) {
        List<String> files = Fixtures.filesUnder(root.resolve("instances"));
        long instances = files.stream().filter(f -> f.endsWith(".instance")).count();
        for (MetadataFormat f : MetadataFormat.values()) {
            String suffix = StoreLayout.recordSuffix(f);
            List<String> records = files.stream().filter(n -> n.endsWith(suffix)).toList();
            for (String r : records) {
                assertThat(files).as("instance of " + r).contains(r.substring(0, r.length() - suffix.length()) + ".instance");
            }
            long all = store.count(f, MetadataScope.ALL);
            long existing = store.count(f, MetadataScope.EXISTING);
            assertThat(all).isEqualTo(instances);
            assertThat(existing).isEqualTo(records.size());
            assertThat(store.count(f, MetadataScope.MISSING)).isEqualTo(all - existing);
        }
        assertThat(files).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    @DisplayName("a record write racing the deletion of its instance is WRITTEN before it or NO_INSTANCE after it, never an orphan")
    void writeRacingDelete() throws Exception {
        Path root = dir.resolve("s");
        String uid = Fixtures.uid(1);
        try (FileMetadataStore store = Fixtures.open(root)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            AtomicBoolean done = new AtomicBoolean();
            Future<?> churn = pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    store.putInstance(Fixtures.instance(uid), false);
                    store.deleteInstances(List.of(uid));
                }
                done.set(true);
                return null;
            });
            Future<int[]> writer = pool.submit(() -> {
                int[] outcomes = new int[RecordWriteOutcome.values().length];
                while (!done.get()) {
                    RecordWriteOutcome o = store.putRecords(List.of(Fixtures.json(uid, "{}"))).get(0);
                    outcomes[o.ordinal()]++;
                }
                return outcomes;
            });
            churn.get(60, TimeUnit.SECONDS);
            int[] outcomes = writer.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(outcomes[RecordWriteOutcome.EXISTS.ordinal()]).isZero();
            assertThat(outcomes[RecordWriteOutcome.NO_INSTANCE.ordinal()]).isPositive();
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isZero();
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isZero();
            assertThat(Fixtures.filesUnder(root.resolve("instances"))).isEmpty();
        }
    }
}
