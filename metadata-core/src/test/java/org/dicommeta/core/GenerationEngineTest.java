package org.dicommeta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.GenerationEvent;
import org.dicommeta.domain.GenerationEvent.Completed;
import org.dicommeta.domain.GenerationEvent.Starting;
import org.dicommeta.domain.GenerationEvent.Update;
import org.dicommeta.domain.GenerationListener;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationResult;
import org.dicommeta.domain.GenerationRun;
import org.dicommeta.domain.InstanceFailure;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.XmlOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class GenerationEngineTest {

    static final EngineSettings FAST = EngineSettings.DEFAULTS.withSelectPageSize(64)
            .withRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4));

    static final MetadataOptions JSON = MetadataOptions.json(JsonOptions.defaults());
    static final MetadataOptions BOTH = MetadataOptions.defaults();

    @TempDir
    Path dir;

    final FakeStore store = new FakeStore();
    DefaultMetadataAgent agent;

    DefaultMetadataAgent agent(SourceLoader loader) {
        agent = new DefaultMetadataAgent(store, false, loader, CodecRenderer.INSTANCE, FAST);
        return agent;
    }

    DefaultMetadataAgent agent() {
        return agent(Part10Sources::load);
    }

    @AfterEach
    void closeAgentAndCheckThreads() throws InterruptedException {
        if (agent != null) {
            agent.close();
        }
        // Every run's threads end once it completes: none may be left behind.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!liveEngineThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(liveEngineThreads()).as("engine threads still alive").isEmpty();
    }

    static Set<String> liveEngineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("dicom-metadata-gen-")).collect(Collectors.toSet());
    }

    /** Starting first and once, Completed last and once, Updates counting up by one, on one thread. */
    static void assertWellFormed(EventRecorder recorder, GenerationResult result) {
        List<GenerationEvent> events = recorder.snapshot();
        assertThat(events).isNotEmpty();
        assertThat(events.get(0)).isInstanceOf(Starting.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(Completed.class);
        assertThat(recorder.of(Starting.class)).hasSize(1);
        assertThat(recorder.of(Completed.class)).hasSize(1);
        assertThat(recorder.of(Completed.class).get(0).result()).isEqualTo(result);
        long total = recorder.of(Starting.class).get(0).total();
        assertThat(result.total()).isEqualTo(total);
        List<Update> updates = recorder.of(Update.class);
        for (int i = 0; i < updates.size(); i++) {
            Update u = updates.get(i);
            assertThat(u.processed()).isEqualTo(i + 1);
            assertThat(u.total()).isEqualTo(total);
            assertThat(u.written() + u.skipped() + u.failed()).isLessThanOrEqualTo(u.processed() * 2);
        }
        assertThat(result.processed()).isEqualTo(updates.size());
        assertThat(recorder.threads).hasSize(1);
        assertThat(recorder.threads.iterator().next()).startsWith("dicom-metadata-gen-");
        assertThat(recorder.maxInside.get()).as("listener calls overlapped").isEqualTo(1);
    }

    @Test
    @DisplayName("events arrive in order on one thread and every selected instance gets its records")
    void normalRun() throws IOException {
        TestData.populate(store, dir, 300);
        EventRecorder recorder = new EventRecorder();
        GenerationResult result = agent().generateAndWait(
                GenerationOptions.of(BOTH).withWorkers(3).withBatchSize(25), MetadataScope.MISSING, recorder);

        assertWellFormed(recorder, result);
        assertThat(result.isComplete()).isTrue();
        assertThat(result.total()).isEqualTo(300);
        assertThat(result.written()).isEqualTo(600);
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isZero();
        assertThat(store.count(MetadataFormat.XML, MetadataScope.MISSING)).isZero();
        assertThat(store.writesPerRecord.values()).allMatch(n -> n.get() == 1);
        Set<String> updated = recorder.of(Update.class).stream().map(Update::sopInstanceUid).collect(Collectors.toSet());
        assertThat(updated).hasSize(300);
    }

    @Test
    @DisplayName("a run over an empty selection fires Starting(0) and Completed and nothing else")
    void emptySelection() {
        EventRecorder recorder = new EventRecorder();
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON), MetadataScope.ALL, recorder);
        assertWellFormed(recorder, result);
        assertThat(recorder.snapshot()).hasSize(2);
        assertThat(result.total()).isZero();
        assertThat(result.isComplete()).isTrue();
    }

    @Test
    @DisplayName("cancel from a handler: Completed(cancelled) once, written records kept, MISSING then finishes exactly the rest")
    void cancelFromHandlerThenResume() throws IOException {
        TestData.populate(store, dir, 1500);
        EventRecorder recorder = new EventRecorder(e -> {
            if (e instanceof Update u && u.processed() == 100) {
                e.run().cancel();
            }
        });
        GenerationOptions options = GenerationOptions.of(BOTH).withWorkers(2).withBatchSize(20);
        GenerationResult first = agent().generateAndWait(options, MetadataScope.MISSING, recorder);

        assertWellFormed(recorder, first);
        assertThat(first.cancelled()).isTrue();
        assertThat(first.processed()).isBetween(100L, 1499L);
        long jsonWritten = store.count(MetadataFormat.JSON, MetadataScope.EXISTING);
        assertThat(store.count(MetadataFormat.XML, MetadataScope.EXISTING)).isEqualTo(jsonWritten);
        assertThat(jsonWritten * 2).isEqualTo(first.written());
        assertThat(jsonWritten).isEqualTo(first.processed());

        EventRecorder again = new EventRecorder();
        GenerationResult second = agent.generateAndWait(options, MetadataScope.MISSING, again);
        assertWellFormed(again, second);
        assertThat(second.total()).isEqualTo(1500 - first.processed());
        assertThat(second.isComplete()).isTrue();
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isZero();
        assertThat(store.count(MetadataFormat.XML, MetadataScope.MISSING)).isZero();
        assertThat(store.writesPerRecord).hasSize(3000);
        assertThat(store.writesPerRecord.values()).as("no record written twice").allMatch(n -> n.get() == 1);
    }

    @Test
    @DisplayName("cancel from another thread through the handle stops the run; Completed fires once with cancelled=true")
    void cancelFromAnotherThread() throws Exception {
        TestData.populate(store, dir, 400);
        CountDownLatch someDone = new CountDownLatch(20);
        SourceLoader slow = (source, full) -> {
            someDone.countDown();
            sleep(2);
            return Part10Sources.load(source, full);
        };
        EventRecorder recorder = new EventRecorder();
        GenerationRun run = agent(slow).generate(GenerationOptions.of(JSON).withWorkers(2).withBatchSize(10),
                MetadataScope.ALL, recorder);
        assertThat(someDone.await(10, TimeUnit.SECONDS)).isTrue();
        run.cancel();
        assertThat(run.isCancelRequested()).isTrue();
        GenerationResult result = run.await(Duration.ofSeconds(20)).orElseThrow();

        assertWellFormed(recorder, result);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.processed()).isLessThan(400);
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(result.written());
        assertThat(run.completion().toCompletableFuture().get()).isEqualTo(result);
    }

    @Test
    @DisplayName("after a cancel no further instance is started: only those in the workers' hands finish")
    void cancelStartsNothingMore() throws Exception {
        TestData.populate(store, dir, 200);
        CountDownLatch bothBusy = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        SourceLoader held = (source, full) -> {
            loads.incrementAndGet();
            bothBusy.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Part10Sources.load(source, full);
        };
        GenerationRun run = agent(held).generate(GenerationOptions.of(JSON).withWorkers(2).withBatchSize(10),
                MetadataScope.ALL, null);
        assertThat(bothBusy.await(10, TimeUnit.SECONDS)).as("both workers hold an instance").isTrue();
        // Cancel once the reader has queued work behind the two held instances: that work must not start.
        GenerationJob job = (GenerationJob) run;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (job.metrics.maxQueueDepth.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(job.metrics.maxQueueDepth.get()).as("instances queued behind the held ones").isGreaterThanOrEqualTo(4);

        run.cancel();
        release.countDown();
        GenerationResult result = run.await(Duration.ofSeconds(20)).orElseThrow();

        assertThat(result.cancelled()).isTrue();
        assertThat(loads.get()).as("sources loaded: the two in flight, none of the queued ones").isEqualTo(2);
        assertThat(result.processed()).isEqualTo(2);
        assertThat(result.written()).isEqualTo(2);
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(2);
    }

    @Test
    @DisplayName("a store failing for good ends the run with storeFailure; Completed still fires once")
    void storeFailsPermanently() throws IOException {
        TestData.populate(store, dir, 200);
        AtomicInteger calls = new AtomicInteger();
        store.beforePutRecords = batch -> {
            if (calls.incrementAndGet() >= 3) {
                throw new BackendException("disk full writing fake:memory");
            }
        };
        EventRecorder recorder = new EventRecorder();
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON).withWorkers(2).withBatchSize(10),
                MetadataScope.MISSING, recorder);

        assertWellFormed(recorder, result);
        assertThat(result.storeFailure()).hasValueSatisfying(m -> assertThat(m).contains("disk full"));
        assertThat(result.cancelled()).isFalse();
        assertThat(result.processed()).isEqualTo(store.count(MetadataFormat.JSON, MetadataScope.EXISTING));
        assertThat(calls.get()).as("a permanent failure is not retried").isEqualTo(3);
    }

    @Test
    @DisplayName("a store failure whose message carries a connection password is reported masked")
    void storeFailureIsMasked() throws IOException {
        TestData.populate(store, dir, 20);
        store.beforePutRecords = batch -> {
            throw new BackendException("driver said: cannot reach postgresql://meta:s3cret@db.example/pacs?password=s3cret");
        };
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON).withWorkers(1).withBatchSize(5),
                MetadataScope.MISSING, null);

        assertThat(result.storeFailure()).hasValueSatisfying(m ->
                assertThat(m).contains("db.example").contains("meta:****@").doesNotContain("s3cret"));
    }

    @Test
    @DisplayName("a store unavailable for a moment: the batch is retried with backoff and written once")
    void storeTransientlyUnavailable() throws IOException {
        TestData.populate(store, dir, 120);
        AtomicInteger failuresLeft = new AtomicInteger(2);
        store.beforePutRecords = batch -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new BackendUnavailableException("connection reset by fake:memory", null);
            }
        };
        EventRecorder recorder = new EventRecorder();
        GenerationJob[] job = new GenerationJob[1];
        GenerationRun run = agent().generate(GenerationOptions.of(JSON).withWorkers(2).withBatchSize(40),
                MetadataScope.MISSING, recorder);
        job[0] = (GenerationJob) run;
        GenerationResult result = run.await();

        assertWellFormed(recorder, result);
        assertThat(result.isComplete()).isTrue();
        assertThat(result.written()).isEqualTo(120);
        assertThat(store.writesPerRecord.values()).allMatch(n -> n.get() == 1);
        assertThat(store.putRecordsCalls.get()).isEqualTo(job[0].metrics.putRecordsCalls.get());
    }

    @Test
    @DisplayName("a store that stays unavailable: bounded retries, then storeFailure and Completed")
    void storeStaysUnavailable() throws IOException {
        TestData.populate(store, dir, 50);
        AtomicInteger calls = new AtomicInteger();
        store.beforePutRecords = batch -> {
            calls.incrementAndGet();
            throw new BackendUnavailableException("connection refused by fake:memory", null);
        };
        EventRecorder recorder = new EventRecorder();
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON).withWorkers(2),
                MetadataScope.MISSING, recorder);
        assertWellFormed(recorder, result);
        assertThat(result.storeFailure()).hasValueSatisfying(m -> assertThat(m)
                .contains("after 4 attempts").contains("connection refused"));
        assertThat(calls.get()).isEqualTo(1 + FAST.retryBackoff().length);
        assertThat(result.processed()).isZero();
    }

    @Test
    @DisplayName("a store that fails while snapshotting still yields Starting once and Completed once")
    void selectFails() throws IOException {
        TestData.populate(store, dir, 10);
        store.beforeSelect = () -> {
            throw new IllegalStateException("bug in the fake store");
        };
        EventRecorder recorder = new EventRecorder();
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON), MetadataScope.ALL, recorder);
        assertWellFormed(recorder, result);
        assertThat(result.storeFailure()).hasValueSatisfying(m -> assertThat(m).contains("bug in the fake store"));
    }

    @Test
    @DisplayName("a listener that throws on every event does not stop the run")
    void throwingListener() throws IOException {
        TestData.populate(store, dir, 60);
        EventRecorder recorder = new EventRecorder(e -> {
            throw new IllegalStateException("listener bug");
        });
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON).withWorkers(2),
                MetadataScope.MISSING, recorder);
        assertWellFormed(recorder, result);
        assertThat(result.isComplete()).isTrue();
        assertThat(result.written()).isEqualTo(60);
    }

    @Test
    @DisplayName("1% of 10,000 sources unreadable: exactly those fail, with reasons, and all else is written")
    void onePercentUnreadable() throws IOException {
        // The issue's full size: about 2 s of generation on 2 cores (-Ddm.unreadable.instances=N to change it).
        int n = Integer.getInteger("dm.unreadable.instances", 10_000);
        List<String> uids = TestData.populate(store, dir, n);
        Map<String, String> broken = new ConcurrentHashMap<>();
        for (int i = 0; i < n; i += 100) {
            Path file = dir.resolve("ct-" + i + ".dcm");
            switch ((i / 100) % 3) {
                case 0 -> {
                    Files.delete(file);
                    broken.put(uids.get(i), "SourceNotFoundException");
                }
                case 1 -> {
                    Files.writeString(file, "this is not a DICOM file, just text long enough to be read",
                            StandardCharsets.US_ASCII);
                    broken.put(uids.get(i), "InvalidDicomException");
                }
                default -> {
                    Files.delete(file);
                    Files.createDirectory(file);
                    broken.put(uids.get(i), "SourceUnreadableException");
                }
            }
        }
        EventRecorder recorder = new EventRecorder();
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON).withBatchSize(100),
                MetadataScope.MISSING, recorder);

        System.getLogger(GenerationEngineTest.class.getName()).log(System.Logger.Level.INFO,
                "{0} instances, {1} failed: {2} ms, {3} instances/s", n, result.failed(),
                result.elapsed().toMillis(), Math.round(result.throughput()));
        assertWellFormed(recorder, result);
        int expectedFailures = broken.size();
        assertThat(expectedFailures).isEqualTo(n / 100);
        assertThat(result.failed()).isEqualTo(expectedFailures);
        assertThat(result.written()).isEqualTo(n - expectedFailures);
        Map<String, String> reported = result.failures().stream()
                .collect(Collectors.toMap(InstanceFailure::sopInstanceUid, InstanceFailure::errorType));
        assertThat(reported).isEqualTo(broken);
        assertThat(result.failures()).allSatisfy(f -> {
            assertThat(f.reason()).contains(f.source());
            assertThat(f.source()).startsWith(dir.toAbsolutePath().toString());
        });
        assertThat(result.failures()).filteredOn(f -> f.errorType().equals("InvalidDicomException"))
                .allSatisfy(f -> assertThat(f.reason()).containsPattern("offset \\d+|Invalid DICOM"));
        List<Update> failedUpdates = recorder.of(Update.class).stream().filter(u -> u.failure().isPresent()).toList();
        assertThat(failedUpdates).hasSize(expectedFailures);
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(expectedFailures);
    }

    @Test
    @DisplayName("failure reasons kept are capped by maxFailuresKept while every failure is counted")
    void failuresKeptAreCapped() throws IOException {
        TestData.populate(store, dir, 40);
        SourceLoader broken = (source, full) -> {
            throw new org.dicommeta.domain.SourceUnreadableException(source, new IOException("bad sector"));
        };
        GenerationOptions options = new GenerationOptions(JSON, 2, 10, 5);
        GenerationResult result = agent(broken).generateAndWait(options, MetadataScope.ALL, null);
        assertThat(result.failed()).isEqualTo(40);
        assertThat(result.failures()).hasSize(5);
        assertThat(result.failures().get(0).reason()).contains("bad sector");
    }

    @Test
    @DisplayName("instances deleted during the run are skipped, not failed")
    void deletedDuringRun() throws IOException {
        List<String> uids = TestData.populate(store, dir, 100);
        Set<String> deleted = new HashSet<>(List.of(uids.get(10), uids.get(50), uids.get(90)));
        Set<String> goneWithSource = Set.of(uids.get(20), uids.get(70));
        SourceLoader loader = (source, full) -> {
            DicomFile f = Part10Sources.load(source, full);
            String uid = f.dataSet().getString(org.dicommeta.codec.Tag.SOPInstanceUID);
            if (deleted.contains(uid)) {
                // deleted after it was loaded: the store answers NO_INSTANCE
                store.deleteInstances(List.of(uid));
            }
            if (goneWithSource.contains(uid)) {
                // the instance and its file both went away: the source failure must not count
                store.deleteInstances(List.of(uid));
                throw new org.dicommeta.domain.SourceNotFoundException(source, null);
            }
            return f;
        };
        GenerationResult result = agent(loader).generateAndWait(GenerationOptions.of(BOTH).withWorkers(2),
                MetadataScope.ALL, new EventRecorder());
        assertThat(result.failed()).isZero();
        assertThat(result.skipped()).isEqualTo(5);
        assertThat(result.written()).isEqualTo(95 * 2);
        assertThat(result.processed()).isEqualTo(100);
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(95);
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(95);
    }

    @Test
    @DisplayName("with two formats each instance renders only the formats its scope selected")
    void perFormatSelection() throws IOException {
        List<String> uids = TestData.populate(store, dir, 20);
        agent().generateAndWait(GenerationOptions.of(JSON), MetadataScope.MISSING, null);
        AtomicInteger renders = new AtomicInteger();
        Renderer counting = (ds, o) -> {
            assertThat(o.format()).isEqualTo(MetadataFormat.XML);
            renders.incrementAndGet();
            return CodecRenderer.INSTANCE.render(ds, o);
        };
        var jsonBefore = store.recordInfo(MetadataFormat.JSON, uids.get(0)).orElseThrow();
        DefaultMetadataAgent second = new DefaultMetadataAgent(store, false, Part10Sources::load, counting, FAST);
        GenerationResult result = second.generateAndWait(GenerationOptions.of(BOTH), MetadataScope.MISSING, null);
        second.close();
        assertThat(result.total()).isEqualTo(20);
        assertThat(result.written()).isEqualTo(20);
        assertThat(renders.get()).isEqualTo(20);
        assertThat(store.recordInfo(MetadataFormat.JSON, uids.get(0))).contains(jsonBefore);
    }

    @Test
    @DisplayName("EXISTING and ALL replace records; running twice gives byte-identical records")
    void regenerationIsIdempotent() throws IOException {
        List<String> uids = TestData.populate(store, dir, 30);
        GenerationOptions options = GenerationOptions.of(BOTH).withWorkers(2);
        agent().generateAndWait(options, MetadataScope.ALL, null);
        byte[] json = store.getRecord(MetadataFormat.JSON, uids.get(7)).orElseThrow();
        byte[] xml = store.getRecord(MetadataFormat.XML, uids.get(7)).orElseThrow();
        GenerationResult again = agent.generateAndWait(options, MetadataScope.EXISTING, null);
        assertThat(again.total()).isEqualTo(30);
        assertThat(again.written()).isEqualTo(60);
        assertThat(store.getRecord(MetadataFormat.JSON, uids.get(7))).hasValue(json);
        assertThat(store.getRecord(MetadataFormat.XML, uids.get(7))).hasValue(xml);
        assertThat(store.writesPerRecord.values()).allMatch(n -> n.get() == 2);
    }

    @Test
    @DisplayName("memory stays bounded: keyset pages, a queue never above its capacity, bounded in-flight work")
    void boundedMemory() throws IOException {
        TestData.populate(store, dir, 1000);
        // A slow store makes the pipeline back up, which is when the bounds matter.
        store.beforePutRecords = batch -> sleep(3);
        GenerationOptions options = GenerationOptions.of(JSON).withWorkers(2).withBatchSize(16);
        GenerationJob job = (GenerationJob) agent().generate(options, MetadataScope.MISSING, null);
        GenerationResult result = job.await();

        assertThat(result.written()).isEqualTo(1000);
        assertThat(store.maxSelectLimit.get()).isEqualTo(FAST.selectPageSize());
        assertThat(store.selectCalls.get()).isGreaterThanOrEqualTo(1000 / FAST.selectPageSize());
        int capacity = job.metrics.queueCapacity.get();
        assertThat(capacity).isEqualTo(FAST.queueCapacity(2));
        assertThat(job.metrics.maxQueueDepth.get()).isBetween(1, capacity);
        assertThat(job.metrics.maxInFlight.get())
                .isLessThanOrEqualTo(job.metrics.boundOnInFlight(2, capacity, options.batchSize()));
        assertThat(job.metrics.maxBatchRecords.get()).isLessThanOrEqualTo(options.batchSize());
        assertThat(job.metrics.spillFile).isNotNull();
        assertThat(Files.exists(job.metrics.spillFile)).as("spill file deleted").isFalse();
    }

    @Test
    @DisplayName("the workers option sets how many threads load and render")
    void workersRespected() throws IOException {
        TestData.populate(store, dir, 200);
        for (int workers : new int[] {1, 3}) {
            Set<String> loaderThreads = ConcurrentHashMap.newKeySet();
            SourceLoader recording = (source, full) -> {
                loaderThreads.add(Thread.currentThread().getName());
                sleep(1);
                return Part10Sources.load(source, full);
            };
            DefaultMetadataAgent a = new DefaultMetadataAgent(store, false, recording, CodecRenderer.INSTANCE, FAST);
            GenerationJob job = (GenerationJob) a.generate(GenerationOptions.of(JSON).withWorkers(workers),
                    MetadataScope.ALL, null);
            job.await();
            a.close();
            assertThat(job.metrics.workerThreads.get()).isEqualTo(workers);
            assertThat(loaderThreads).hasSizeBetween(1, workers);
            if (workers == 1) {
                assertThat(loaderThreads).hasSize(1);
            }
            assertThat(loaderThreads).allMatch(n -> n.startsWith("dicom-metadata-gen-"));
        }
    }

    @Test
    @DisplayName("closing the agent cancels and awaits its runs; a store handed in stays open")
    void closeCancelsRuns() throws Exception {
        TestData.populate(store, dir, 500);
        CountDownLatch started = new CountDownLatch(5);
        SourceLoader slow = (source, full) -> {
            started.countDown();
            sleep(2);
            return Part10Sources.load(source, full);
        };
        EventRecorder recorder = new EventRecorder();
        DefaultMetadataAgent a = agent(slow);
        GenerationRun run = a.generate(GenerationOptions.of(JSON).withWorkers(2), MetadataScope.ALL, recorder);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        a.close();
        assertThat(run.await(Duration.ZERO)).as("close awaited the run").isPresent();
        GenerationResult result = run.await();
        assertWellFormed(recorder, result);
        assertThat(result.cancelled()).isTrue();
        assertThat(a.runningJobs()).isEmpty();
        assertThat(store.closed).isFalse();
    }

    @Test
    @DisplayName("a failure reason is kept to a bounded length, however long the error's message")
    void failureReasonsAreBounded() throws Exception {
        TestData.populate(store, dir, 3);
        SourceLoader verbose = (source, full) -> {
            throw new IllegalStateException("x".repeat(50_000));
        };
        GenerationResult result = agent(verbose).generate(GenerationOptions.of(JSON), MetadataScope.ALL,
                GenerationListener.NONE).await();
        assertThat(result.failed()).isEqualTo(3);
        assertThat(result.failures()).allSatisfy(f -> assertThat(f.reason().length())
                .isLessThanOrEqualTo(GenerationJob.MAX_REASON_LENGTH));
    }

    @Test
    @DisplayName("close never hangs on a store call that does not return: it waits a bounded time, then closes the store")
    void closeDoesNotHangOnAStuckStore() throws Exception {
        TestData.populate(store, dir, 50);
        CountDownLatch inPutRecords = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.beforePutRecords = batch -> {
            inPutRecords.countDown();
            try {
                release.await(); // stuck until the test lets go, like a store call that never returns
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        DefaultMetadataAgent owning = new DefaultMetadataAgent(store, true, Part10Sources::load,
                CodecRenderer.INSTANCE, FAST.withCloseWait(Duration.ofMillis(300)));
        EventRecorder recorder = new EventRecorder();
        GenerationRun run = owning.generate(GenerationOptions.of(JSON).withWorkers(2).withBatchSize(5),
                MetadataScope.MISSING, recorder);
        try {
            assertThat(inPutRecords.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            owning.close();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(store.closed).as("the owned store is closed under the stuck run").isTrue();
        } finally {
            release.countDown();
        }
        GenerationResult result = run.await(Duration.ofSeconds(20)).orElseThrow();
        assertThat(result.cancelled()).isTrue();
        assertWellFormed(recorder, result);
    }

    @Test
    @DisplayName("a listener may close the agent: the run is cancelled, completes, and the owned store closes after it")
    void closeFromListener() throws Exception {
        TestData.populate(store, dir, 300);
        DefaultMetadataAgent owning = new DefaultMetadataAgent(store, true, Part10Sources::load,
                CodecRenderer.INSTANCE, FAST);
        java.util.concurrent.atomic.AtomicReference<Throwable> awaitFromListener =
                new java.util.concurrent.atomic.AtomicReference<>();
        EventRecorder recorder = new EventRecorder(e -> {
            if (e instanceof Update u && u.processed() == 10) {
                try {
                    e.run().await(Duration.ofSeconds(1));
                } catch (IllegalStateException refused) {
                    awaitFromListener.set(refused);
                }
                owning.close();
            }
        });
        GenerationRun run = owning.generate(GenerationOptions.of(JSON).withWorkers(2).withBatchSize(5),
                MetadataScope.MISSING, recorder);
        GenerationResult result = run.completion().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertWellFormed(recorder, result);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.storeFailure()).isEmpty();
        assertThat(awaitFromListener.get()).isInstanceOf(IllegalStateException.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!store.closed && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.closed).isTrue();
    }

    @Test
    @DisplayName("sources of another scheme fail per instance with a reason naming the scheme")
    void unsupportedScheme() {
        store.putInstance(new org.dicommeta.domain.Instance(TestData.uid(1), null, null, null, null, null,
                "https://user:secret@pacs.example/wado/1", java.time.Instant.now()), false);
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON), MetadataScope.ALL, null);
        assertThat(result.failed()).isEqualTo(1);
        InstanceFailure f = result.failures().get(0);
        assertThat(f.errorType()).isEqualTo("SourceUnreadableException");
        assertThat(f.reason()).contains("https:").doesNotContain("secret");
        assertThat(f.source()).doesNotContain("secret");
    }

    @Test
    @DisplayName("a malformed file: URI with a password fails per instance without the password in its reason")
    void malformedFileUriKeepsItsPasswordOut() {
        // URI.create quotes the whole input in its message; that message must not carry the password along.
        store.putInstance(new org.dicommeta.domain.Instance(TestData.uid(1), null, null, null, null, null,
                "file://user:secret@host/share/a b.dcm", java.time.Instant.now()), false);
        GenerationResult result = agent().generateAndWait(GenerationOptions.of(JSON), MetadataScope.ALL, null);
        assertThat(result.failed()).isEqualTo(1);
        InstanceFailure f = result.failures().get(0);
        assertThat(f.errorType()).isEqualTo("SourceUnreadableException");
        assertThat(f.reason()).contains("not a valid file path or file: URI").doesNotContain("secret");
        assertThat(f.source()).doesNotContain("secret");
        assertThatThrownBy(() -> Part10Sources.load("file://user:secret@host/share/a b.dcm", false))
                .isInstanceOf(org.dicommeta.domain.SourceUnreadableException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("user:****@host").doesNotContain("secret"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
