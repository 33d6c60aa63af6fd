package org.dicommeta.adapter.filesystem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.SelectedInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the cost model of the README at a chosen size: fill, open scan, counts, a full keyset pass of
 * select, and the heap the index takes. Not part of the normal suite; run it with
 * {@code mvn -B -q -Ddm.build.dir=target-files -pl adapter-filesystem -am test -Dtest=FileStoreScale
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddicommeta.scale.instances=100000 [-Ddicommeta.scale.dir=/path]}.
 */
class FileStoreScale {

    @Test
    @EnabledIfSystemProperty(named = "dicommeta.scale.instances", matches = "\\d+")
    void measure() throws Exception {
        int n = Integer.parseInt(System.getProperty("dicommeta.scale.instances"));
        String where = System.getProperty("dicommeta.scale.dir");
        Path dir = where == null ? Files.createTempDirectory("dicommeta-scale") : Path.of(where);
        run(n, dir.resolve("store-" + n));
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("dicommeta-scale");
        run(n, dir.resolve("store-" + n));
    }

    static void run(int n, Path root) throws Exception {
        boolean fresh = !Files.exists(root);
        if (fresh) {
            // fsync off for the fill only: it measures the file system, not this store's design.
            long t = System.nanoTime();
            try (FileMetadataStore store = Fixtures.open(root)) {
                List<Instance> batch = new ArrayList<>(1000);
                List<RecordWrite> records = new ArrayList<>(1000);
                for (int i = 0; i < n; i++) {
                    String uid = Fixtures.uid(i);
                    batch.add(Fixtures.instance(uid));
                    if (i % 2 == 0) {
                        records.add(Fixtures.json(uid, "{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"" + uid + "\"]}}"));
                    }
                    if (batch.size() == 1000 || i == n - 1) {
                        store.putInstances(batch, false);
                        store.putRecords(records);
                        batch.clear();
                        records.clear();
                    }
                }
            }
            report("fill %d instances + %d JSON records (fsync off)", t, n, (n + 1) / 2);
        }
        for (int round = 0; round < 2; round++) {
            System.gc();
            long heapBefore = usedHeap();
            long t = System.nanoTime();
            try (FileMetadataStore store = FileMetadataStore.open(FileStoreSettings.of(root), AtomicFiles.PLAIN_WRITE)) {
                report("open scan #%d (%s)", t, round + 1, store.scanReport());
                System.gc();
                long heapAfter = usedHeap();
                System.out.printf(Locale.ROOT, "index heap: %.1f MB, %.0f bytes per instance%n",
                        (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / (double) n);
                t = System.nanoTime();
                long sum = 0;
                for (int i = 0; i < 1000; i++) {
                    sum += store.count(MetadataFormat.JSON, MetadataScope.values()[i % 3]);
                }
                report("1000 counts (checksum %d)", t, sum);
                for (MetadataScope scope : MetadataScope.values()) {
                    t = System.nanoTime();
                    long seen = 0;
                    String after = null;
                    while (true) {
                        List<SelectedInstance> page = store.select(EnumSet.of(MetadataFormat.JSON), scope, after, 500);
                        if (page.isEmpty()) {
                            break;
                        }
                        seen += page.size();
                        after = page.get(page.size() - 1).sopInstanceUid();
                    }
                    report("select %s, pages of 500: %d instances", t, scope, seen);
                }
                t = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    store.getRecord(MetadataFormat.JSON, Fixtures.uid(i * 2 % n));
                }
                report("1000 getRecord", t);
                t = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    store.putRecords(List.of(Fixtures.json(Fixtures.uid(i), "{}")));
                }
                report("200 putRecords of one record, fsync on", t);
                List<RecordWrite> batch = new ArrayList<>();
                for (int i = 200; i < 400; i++) {
                    batch.add(Fixtures.json(Fixtures.uid(i), "{}"));
                }
                t = System.nanoTime();
                store.putRecords(batch);
                report("1 putRecords of a 200-record batch, fsync on", t);
                t = System.nanoTime();
                long deleted = store.deleteRecords(MetadataFormat.JSON, batch.stream().map(RecordWrite::sopInstanceUid).toList());
                report("deleteRecords of %d records, fsync on", t, deleted);
            }
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void report(String what, long startNanos, Object... args) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        System.out.printf(Locale.ROOT, "%-70s %10.1f ms%n", String.format(Locale.ROOT, what, args), ms);
    }
}
