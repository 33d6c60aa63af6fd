package org.dicommeta.benchmarks.scale;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.dicommeta.codec.CodecVersion;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.Part10Writer;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.core.MetadataRendering;
import org.dicommeta.domain.GenerationEvent;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationResult;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.Secrets;
import org.dicommeta.domain.XmlOptions;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.StoreProviders;
import org.dicommeta.ports.StoreRequest;
import org.dicommeta.tck.data.SyntheticStudies;

/**
 * The scale benchmark of any backend, driven by its store URI (issue 4, "Performance"). Two phases, each
 * on the store the URI names (give each phase its own store):
 *
 * <dl>
 *   <dt>{@code --counts N}</dt>
 *   <dd>Fills the store with N synthetic instances through {@link MetadataStore#putInstances} batches and
 *   gives every other one a small JSON record (so half have JSON, none XML), then times
 *   {@code count(format, scope)} through the agent for both formats and the three scopes: warm-up runs,
 *   then {@code --repeat} timed runs; reports the median, 90th percentile and maximum. A store already
 *   holding exactly that data is reused.</dd>
 *   <dt>{@code --generate N}</dt>
 *   <dd>Writes N header-only synthetic CT/MR sources (SyntheticStudies without Pixel Data, Part 10 Explicit
 *   VR Little Endian) into {@code --sources} (reused when complete), indexes them, then measures in one
 *   run: (1) rendering JSON and XML of every source with the stored-metadata defaults, without storing,
 *   on {@code --workers} threads; (2) a MISSING generation of both formats through the agent, end to end;
 *   and the heap's high-water mark during (2). Checks that a stored record equals the baseline's bytes,
 *   so both rendered the same records.</dd>
 * </dl>
 *
 * <p>Results go to the log ({@link System.Logger}) and, as Markdown, to {@code --report}. Run it with
 * {@code -Xmx256m} to hold the heap to the bound the issue sets.
 */
public final class ScaleBenchmark {

    private static final System.Logger LOG = System.getLogger(ScaleBenchmark.class.getName());
    private static final int STUDY_SIZE = 100;
    private static final int INSTANCE_BATCH = 5_000;
    private static final int RECORD_BATCH = 1_000;
    private static final String SOP_CT = "1.2.840.10008.5.1.4.1.1.2";

    private final Map<String, String> args;
    private final PrintWriter report;

    private ScaleBenchmark(Map<String, String> args, PrintWriter report) {
        this.args = args;
        this.report = report;
    }

    /**
     * {@code --uri STORE_URI [--counts N] [--generate N] [--sources DIR] [--workers W] [--batch B]
     * [--repeat R] [--report FILE]}.
     */
    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        if (!args.containsKey("uri") || !(args.containsKey("counts") || args.containsKey("generate"))) {
            throw new IllegalArgumentException("usage: ScaleBenchmark --uri STORE_URI [--counts N] [--generate N] "
                    + "[--sources DIR] [--scope missing|all] [--workers W] [--batch B] [--repeat R] [--report FILE]");
        }
        Path reportFile = Path.of(args.getOrDefault("report", "scale-benchmark-report.md"));
        try (PrintWriter report = new PrintWriter(Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
            ScaleBenchmark b = new ScaleBenchmark(args, report);
            b.out("## Scale benchmark, " + Instant.now() + "\n");
            b.out("- store: `" + Secrets.mask(args.get("uri")) + "`");
            b.out("- JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + Runtime.getRuntime().availableProcessors()
                    + " processors");
            if (args.containsKey("counts")) {
                b.counts(Integer.parseInt(args.get("counts")));
            }
            if (args.containsKey("generate")) {
                b.generate(Integer.parseInt(args.get("generate")));
            }
            b.out("");
        }
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value, got '" + argv[i] + "'");
            }
            m.put(argv[i].substring(2), argv[++i]);
        }
        return m;
    }

    private void out(String line) {
        LOG.log(System.Logger.Level.INFO, line);
        report.println(line);
        report.flush();
    }

    private MetadataStore openStore() {
        String uri = args.get("uri");
        return StoreProviders.find(uri, StoreProviders.installed(ScaleBenchmark.class.getClassLoader()))
                .open(StoreRequest.of(uri));
    }

    // ---- counts -----------------------------------------------------------------------------------------

    private void counts(int n) {
        int repeat = Integer.parseInt(args.getOrDefault("repeat", "21"));
        try (MetadataStore store = openStore(); MetadataAgent agent = MetadataAgents.of(store)) {
            long all = agent.json().count(MetadataScope.ALL);
            long json = agent.json().count(MetadataScope.EXISTING);
            long expectedJson = (n + 1) / 2;
            if (all == n && json == expectedJson) {
                out("\n### Counts at " + n + " instances (store reused: " + all + " instances, " + json + " with JSON)\n");
            } else if (all == 0) {
                out("\n### Counts at " + n + " instances\n");
                fill(store, n);
            } else {
                throw new IllegalStateException("store holds " + all + " instances (" + json + " with JSON); expected"
                        + " an empty store or exactly " + n + " with " + expectedJson + " JSON records");
            }
            out("| format | scope | count | median ms | p90 ms | max ms |");
            out("|---|---|---:|---:|---:|---:|");
            for (MetadataFormat f : MetadataFormat.values()) {
                for (MetadataScope s : MetadataScope.values()) {
                    for (int i = 0; i < 3; i++) {
                        agent.records(f).count(s);
                    }
                    double[] ms = new double[repeat];
                    long value = -1;
                    for (int i = 0; i < repeat; i++) {
                        long t0 = System.nanoTime();
                        value = agent.records(f).count(s);
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    Arrays.sort(ms);
                    out(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f |", f, s, value,
                            ms[repeat / 2], ms[(int) Math.ceil(repeat * 0.9) - 1], ms[repeat - 1]));
                }
            }
        }
    }

    private void fill(MetadataStore store, int n) {
        long t0 = System.nanoTime();
        Instant now = Instant.now();
        List<Instance> batch = new ArrayList<>(INSTANCE_BATCH);
        for (int i = 0; i < n; i++) {
            batch.add(countInstance(i, now));
            if (batch.size() == INSTANCE_BATCH || i == n - 1) {
                store.putInstances(batch, false);
                batch.clear();
            }
        }
        double instanceSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<RecordWrite> writes = new ArrayList<>(RECORD_BATCH);
        for (int i = 0; i < n; i += 2) {
            String uid = countUid(i);
            byte[] json = ("{\"00080016\":{\"vr\":\"UI\",\"Value\":[\"" + SOP_CT + "\"]},\"00080018\":{\"vr\":\"UI\","
                    + "\"Value\":[\"" + uid + "\"]}}").getBytes(StandardCharsets.UTF_8);
            writes.add(new RecordWrite(new RecordInfo(uid, MetadataFormat.JSON, "IGNORE_BINARY_DATA", CodecVersion.VERSION,
                    now, json.length, sha256(json)), json, RecordWrite.Mode.REPLACE));
            if (writes.size() == RECORD_BATCH || i + 2 >= n) {
                store.putRecords(writes);
                writes.clear();
            }
        }
        double recordSeconds = (System.nanoTime() - t1) / 1e9;
        out(String.format(Locale.ROOT, "Filled through the SPI: %d instances in %.1f s (%.0f/s, putInstances batches of %d),"
                + " %d small JSON records in %.1f s (%.0f/s, putRecords batches of %d).%n", n, instanceSeconds,
                n / instanceSeconds, INSTANCE_BATCH, (n + 1) / 2, recordSeconds, ((n + 1) / 2) / recordSeconds, RECORD_BATCH));
    }

    private static String countUid(int i) {
        return "2.25.1000000" + (1_000_000_000L + i);
    }

    private static Instance countInstance(int i, Instant now) {
        String study = "2.25.2000000" + (1_000_000L + i / 500);
        return new Instance(countUid(i), study, study + ".1", "PAT" + i / 500, SOP_CT, "1.2.840.10008.1.2.1",
                "/nonexistent/scale/" + i + ".dcm", now);
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- generation -------------------------------------------------------------------------------------

    private void generate(int n) throws Exception {
        int workers = Integer.parseInt(args.getOrDefault("workers", Integer.toString(Runtime.getRuntime().availableProcessors())));
        int batch = Integer.parseInt(args.getOrDefault("batch", Integer.toString(GenerationOptions.DEFAULT_BATCH_SIZE)));
        Path sources = Path.of(args.getOrDefault("sources", System.getProperty("java.io.tmpdir") + "/dicommeta-scale-sources-" + n));
        Path index = writeSources(sources, n);
        MetadataOptions render = MetadataOptions.defaults();
        // MISSING is the run; ALL (unconditional writes) is for servers where MISSING's conditional
        // writes cannot use an index, such as the in-process MongoDB imitation.
        MetadataScope scope = MetadataScope.parse(args.getOrDefault("scope", "missing"));
        out("\n### " + scope + " generation of " + n + " header-only instances, JSON and XML\n");
        out("- sources: " + sources + " (" + String.format(Locale.ROOT, "%.0f", Files.size(index) / 1.0) + " byte index)");
        out("- options: " + render + ", workers " + workers + ", batch " + batch);
        try (MetadataStore store = openStore(); MetadataAgent agent = MetadataAgents.of(store)) {
            prepareStore(store, agent, index, n);
            // The baseline renders the same records on as many threads, loading each source the same way.
            JsonOptions json = render.json().orElseThrow();
            XmlOptions xml = render.xml().orElseThrow();
            ReadOptions read = MetadataRendering.readOptionsFor(render);
            renderOnly(index, Math.min(n, 5_000), workers, read, json, xml);
            long[] bytes = new long[2];
            double cpu0 = cpuSeconds();
            double renderSeconds = renderOnly(index, n, workers, read, json, xml, bytes);
            double renderCpu = cpuSeconds() - cpu0;
            out(String.format(Locale.ROOT, "- render only (load header + JSON + XML, no store): %.1f s, %.0f instances/s,"
                    + " %.1f s of this JVM's CPU; average JSON %d bytes, XML %d bytes; load average before: %s",
                    renderSeconds, n / renderSeconds, renderCpu, bytes[0] / n, bytes[1] / n, loadAverage()));

            GenerationOptions options = new GenerationOptions(render, workers, batch, GenerationOptions.DEFAULT_MAX_FAILURES_KEPT);
            warmUpGeneration(agent, store, options, scope, Math.min(n, 5_000));

            HeapWatch heap = new HeapWatch();
            String loadBefore = loadAverage();
            heap.start();
            double cpu1 = cpuSeconds();
            double serverCpu1 = serverCpuSeconds();
            AtomicLong lastLog = new AtomicLong(System.nanoTime());
            GenerationResult r = agent.generate(options, scope, e -> {
                        if (e instanceof GenerationEvent.Update u && System.nanoTime() - lastLog.get() > 10_000_000_000L) {
                            lastLog.set(System.nanoTime());
                            LOG.log(System.Logger.Level.INFO, "generation: " + u.processed() + " of " + u.total());
                        }
                    }).await();
            double genCpu = cpuSeconds() - cpu1;
            double serverCpu = serverCpuSeconds() - serverCpu1;
            heap.stop();
            double genSeconds = r.elapsed().toNanos() / 1e9;
            out(String.format(Locale.ROOT, "- generation (store + render, end to end): %.1f s, %.0f instances/s; total %d,"
                    + " processed %d, written %d, skipped %d, failed %d, store failure %s", genSeconds, r.processed() / genSeconds,
                    r.total(), r.processed(), r.written(), r.skipped(), r.failed(), r.storeFailure().orElse("none")));
            out(String.format(Locale.ROOT, "- generation used %.1f s of this JVM's CPU (render only: %.1f s); load average before: %s",
                    genCpu, renderCpu, loadBefore));
            if (!Double.isNaN(serverCpu)) {
                out(String.format(Locale.ROOT, "- local server processes (%s) used %.1f s of CPU during the generation"
                        + " (all of them, other clients' too; from /proc)", serverProcessName(), serverCpu));
                // On a shared machine wall times swing with other load; CPU seconds do not.
                out(String.format(Locale.ROOT, "- by CPU, the store adds %.0f%% to rendering: (%.1f s JVM + %.1f s server)"
                        + " / %.1f s render only", ((genCpu + serverCpu) / renderCpu - 1) * 100, genCpu, serverCpu, renderCpu));
            }
            out(String.format(Locale.ROOT, "- the store adds %.0f%% to the render-only time", (genSeconds / renderSeconds - 1) * 100));
            out(heap.summary());
            out(String.format(Locale.ROOT, "- counts after: JSON existing %d missing %d; XML existing %d missing %d",
                    agent.json().count(MetadataScope.EXISTING), agent.json().count(MetadataScope.MISSING),
                    agent.xml().count(MetadataScope.EXISTING), agent.xml().count(MetadataScope.MISSING)));
            verifySame(store, index, read, json, xml);
        }
    }

    /**
     * The render-only pass is timed after a warm-up, so the generation gets one too: a MISSING run cancelled
     * after {@code n} instances (of the same scope as the timed run), whose records are then deleted. Without it the timed run also paid the JIT
     * compilation of the engine's, the adapter's and the driver's code (about 4 s of compiler threads' CPU
     * measured on PostgreSQL), which the baseline had already paid.
     */
    private void warmUpGeneration(MetadataAgent agent, MetadataStore store, GenerationOptions options,
            MetadataScope scope, int n) {
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicReference<org.dicommeta.domain.GenerationRun> run =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        run.set(agent.generate(options, scope, e -> {
            if (e instanceof GenerationEvent.Update u && u.processed() >= n) {
                try {
                    started.await();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                run.get().cancel();
            }
        }));
        started.countDown();
        GenerationResult r = run.get().await();
        long deleted = store.deleteAllRecords(MetadataFormat.JSON) + store.deleteAllRecords(MetadataFormat.XML);
        out(String.format(Locale.ROOT, "- warm-up generation: %d instances (cancelled: %s), %d records deleted, %.1f s",
                r.processed(), r.cancelled(), deleted, (System.nanoTime() - t0) / 1e9));
    }

    /** CPU time of this JVM (all threads), in seconds. */
    private static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** The process name of a database server on this machine whose CPU the generation is charged, if any. */
    private String serverProcessName() {
        String uri = args.get("uri");
        return uri.startsWith("jdbc:postgresql:") ? "postgres" : uri.startsWith("mongodb:") ? "mongod" : null;
    }

    /**
     * CPU time (user + system) of the local server's processes now running, in seconds, from /proc (Linux),
     * or NaN. The pool's connections live through the whole generation, so the difference across it is the
     * server's share; a connection of another client that ends in between makes it an underestimate.
     */
    private double serverCpuSeconds() {
        String name = serverProcessName();
        Path proc = Path.of("/proc");
        if (name == null || !Files.isDirectory(proc)) {
            return Double.NaN;
        }
        long ticks = 0;
        try (var dirs = Files.list(proc)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (!d.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < open || !stat.substring(open + 1, close).equals(name)) {
                        continue;
                    }
                    // After the name: state is field 3, utime field 14, stime field 15 (proc(5)).
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException e) {
                    // The process ended between the listing and the read.
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        // USER_HZ is 100 on Linux for every architecture the JDK runs on.
        return ticks / 100.0;
    }

    /** The 1, 5 and 15 minute load averages (Linux), to judge how much of the machine the run had. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Indexes the sources into an empty store, or resets the records of a store that already holds them. */
    private void prepareStore(MetadataStore store, MetadataAgent agent, Path index, int n) throws IOException {
        long all = agent.json().count(MetadataScope.ALL);
        if (all == n) {
            long t0 = System.nanoTime();
            long deleted = store.deleteAllRecords(MetadataFormat.JSON) + store.deleteAllRecords(MetadataFormat.XML);
            out(String.format(Locale.ROOT, "- store reused: deleted %d records in %.1f s", deleted, (System.nanoTime() - t0) / 1e9));
            return;
        }
        if (all != 0) {
            throw new IllegalStateException("store holds " + all + " instances; expected none or exactly " + n);
        }
        long t0 = System.nanoTime();
        Instant now = Instant.now();
        List<Instance> batch = new ArrayList<>(INSTANCE_BATCH);
        try (BufferedReader r = Files.newBufferedReader(index)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                batch.add(new Instance(f[0], f[1], f[2], f[3], f[4], SyntheticStudies.DEFAULT_TRANSFER_SYNTAX, f[5], now));
                if (batch.size() == INSTANCE_BATCH) {
                    store.putInstances(batch, false);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            store.putInstances(batch, false);
        }
        out(String.format(Locale.ROOT, "- indexed %d instances in %.1f s", n, (System.nanoTime() - t0) / 1e9));
    }

    /**
     * Writes {@code n} header-only sources in studies of {@value #STUDY_SIZE} (two thirds CT) and an index
     * (UID, study, series, patient, SOP class, path per line); reuses a complete earlier set.
     */
    private Path writeSources(Path dir, int n) throws Exception {
        Path index = dir.resolve("index.tsv");
        Path done = dir.resolve("complete");
        if (Files.exists(done)) {
            out("- sources reused from " + dir);
            return index;
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        int studies = (n + STUDY_SIZE - 1) / STUDY_SIZE;
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BufferedWriter w = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            List<Future<List<String>>> pending = new ArrayList<>();
            for (int s = 0; s < studies; s++) {
                int size = Math.min(STUDY_SIZE, n - s * STUDY_SIZE);
                long seed = 40_000 + s;
                pending.add(pool.submit(() -> writeStudy(dir.resolve("s" + seed), seed, size)));
                if (pending.size() >= threads * 2) {
                    drain(pending, w, 1);
                }
            }
            drain(pending, w, 0);
        } finally {
            pool.shutdown();
        }
        Files.writeString(done, Integer.toString(n));
        out(String.format(Locale.ROOT, "- wrote %d header-only sources in %.1f s", n, (System.nanoTime() - t0) / 1e9));
        return index;
    }

    private static void drain(List<Future<List<String>>> pending, BufferedWriter w, int keep) throws Exception {
        while (pending.size() > keep) {
            for (String line : pending.remove(0).get()) {
                w.write(line);
                w.write('\n');
            }
        }
    }

    private static List<String> writeStudy(Path dir, long seed, int size) throws IOException {
        Files.createDirectories(dir);
        int mr = size / 3;
        List<String> lines = new ArrayList<>(size);
        for (DataSet ds : SyntheticStudies.study(seed, size - mr, mr).instances()) {
            // Header-only: a source without its pixel data, as an archive's metadata pass would see it.
            ds.remove(Tag.PixelData);
            Path file = SyntheticStudies.fileFor(dir, ds);
            Part10Writer.write(file, ds, SyntheticStudies.DEFAULT_TRANSFER_SYNTAX);
            lines.add(String.join("\t", ds.getString(Tag.SOPInstanceUID), ds.getString(Tag.StudyInstanceUID),
                    ds.getString(Tag.SeriesInstanceUID), String.valueOf(ds.getString(Tag.PatientID)),
                    ds.getString(Tag.SOPClassUID), file.toAbsolutePath().toString()));
        }
        return lines;
    }

    private double renderOnly(Path index, int n, int workers, ReadOptions read, JsonOptions json, XmlOptions xml)
            throws Exception {
        return renderOnly(index, n, workers, read, json, xml, new long[2]);
    }

    /**
     * Loads (as the engine does for these options: header only) and renders JSON and XML of the first
     * {@code n} sources on {@code workers} threads, with the agent's own rendering ({@link MetadataRendering}).
     */
    private static double renderOnly(Path index, int n, int workers, ReadOptions read, JsonOptions json, XmlOptions xml,
            long[] bytes) throws Exception {
        AtomicLong jsonBytes = new AtomicLong();
        AtomicLong xmlBytes = new AtomicLong();
        AtomicLong taken = new AtomicLong();
        long t0 = System.nanoTime();
        try (BufferedReader r = Files.newBufferedReader(index)) {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> done = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                done.add(pool.submit(() -> {
                    while (true) {
                        String line;
                        synchronized (r) {
                            line = taken.getAndIncrement() < n ? r.readLine() : null;
                        }
                        if (line == null) {
                            return null;
                        }
                        String path = line.substring(line.lastIndexOf('\t') + 1);
                        DicomFile f = Part10Reader.read(Path.of(path), read);
                        jsonBytes.addAndGet(MetadataRendering.render(f.dataSet(), json).length);
                        xmlBytes.addAndGet(MetadataRendering.render(f.dataSet(), xml).length);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        bytes[0] = jsonBytes.get();
        bytes[1] = xmlBytes.get();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The first and last stored records must equal what the baseline renders: both rendered the same thing. */
    private void verifySame(MetadataStore store, Path index, ReadOptions read, JsonOptions json, XmlOptions xml)
            throws IOException {
        List<String> lines;
        try (var s = Files.lines(index)) {
            lines = s.limit(1).toList();
        }
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            DataSet ds = Part10Reader.read(Path.of(f[5]), read).dataSet();
            boolean same = Arrays.equals(store.getRecord(MetadataFormat.JSON, f[0]).orElseThrow(), MetadataRendering.render(ds, json))
                    && Arrays.equals(store.getRecord(MetadataFormat.XML, f[0]).orElseThrow(), MetadataRendering.render(ds, xml));
            out("- stored records of " + f[0] + " equal the render-only bytes: " + same);
        }
    }

    /** Samples the used heap every 50 ms; also reads the pools' peaks and the live set after collections. */
    private static final class HeapWatch {

        private final AtomicLong maxUsed = new AtomicLong();
        private volatile boolean running;
        private Thread thread;
        private long gcCountBefore;
        private long gcMillisBefore;
        private long started;

        void start() {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            gcCountBefore = gcCount();
            gcMillisBefore = gcMillis();
            started = System.nanoTime();
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    maxUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        String summary() {
            long afterGc = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                    afterGc = Math.max(afterGc, p.getCollectionUsage().getUsed());
                }
            }
            long mb = 1024 * 1024;
            return String.format(Locale.ROOT, "- heap during generation: max used (sampled every 50 ms) %d MB of %d MB max;"
                    + " largest pool after its last collection %d MB; %d collections, %d ms in GC over %s",
                    maxUsed.get() / mb, Runtime.getRuntime().maxMemory() / mb, afterGc / mb, gcCount() - gcCountBefore,
                    gcMillis() - gcMillisBefore, Duration.ofNanos(System.nanoTime() - started).withNanos(0));
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }
}
