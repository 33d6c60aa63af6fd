package org.dicommeta.core;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.GenerationEvent;
import org.dicommeta.domain.GenerationListener;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationResult;
import org.dicommeta.domain.GenerationRun;
import org.dicommeta.domain.InstanceFailure;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.Secrets;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;

/**
 * One bulk generation run: its handle, and the coordinator that drives it.
 *
 * <p>Shape (see ARCH.md "Generation engine"): the coordinator thread pages the scope's selection into
 * a {@link SelectionSpill} (so {@code total} is fixed and memory is bounded), fires Starting, then a
 * reader thread feeds a bounded work queue from the spill, N workers load and render, and the
 * coordinator alone batches the rendered records into {@code store.putRecords} and fires one Update
 * per instance once its batch is written. Completed is fired from a {@code finally}, so it fires exactly
 * once whatever ends the run: the end of the selection, a cancel, a store failure, a listener that
 * throws, or a bug.
 *
 * <p>Memory held at once is bounded by the work queue, the instances in workers' hands, the result
 * queue and one batch, each sized from the options and independent of the selection's size.
 */
final class GenerationJob implements GenerationRun {

    private static final System.Logger LOG = System.getLogger(GenerationJob.class.getName());
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    /** Sent by the reader to each worker after the last entry. */
    private static final Object NO_MORE_WORK = new Object();
    /** Sent by each worker to the coordinator when it stops. */
    private static final Object WORKER_DONE = new Object();

    private final MetadataStore store;
    private final SourceLoader loader;
    private final Renderer renderer;
    private final EngineSettings settings;
    private final GenerationOptions options;
    private final MetadataScope scope;
    private final GenerationListener listener;
    private final Consumer<GenerationJob> onFinish;
    private final RecordWrite.Mode mode;

    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    /** Set when the run must stop for a reason other than a cancel (store failure, bug). */
    private volatile boolean aborted;
    /** Why a reader or worker aborted the run, for the result. */
    private volatile String abortReason;
    private final CompletableFuture<GenerationResult> completion = new CompletableFuture<>();
    private final Thread coordinator;
    /** Listener throws so far; touched by the coordinator thread only. */
    private int listenerFailures;

    /** Observations for tests and diagnostics: high-water marks of what the run held in memory. */
    final Metrics metrics = new Metrics();

    static final class Metrics {
        final AtomicInteger queueCapacity = new AtomicInteger();
        final AtomicInteger maxQueueDepth = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger maxBatchRecords = new AtomicInteger();
        final AtomicInteger maxSelectLimit = new AtomicInteger();
        final AtomicInteger putRecordsCalls = new AtomicInteger();
        final AtomicInteger instancesStarted = new AtomicInteger();
        final AtomicInteger workerThreads = new AtomicInteger();
        volatile Path spillFile;
        private final AtomicInteger inFlight = new AtomicInteger();

        int boundOnInFlight(int workers, int queueCapacity, int batchSize) {
            // the work queue + one in each worker's hands + the result queue (at least a batch) + one batch
            return queueCapacity + workers + Math.max(queueCapacity, batchSize) + batchSize;
        }

        private static void raise(AtomicInteger max, int value) {
            max.accumulateAndGet(value, Math::max);
        }
    }

    GenerationJob(MetadataStore store, SourceLoader loader, Renderer renderer, EngineSettings settings,
            GenerationOptions options, MetadataScope scope, GenerationListener listener,
            Consumer<GenerationJob> onFinish) {
        this.store = store;
        this.loader = loader;
        this.renderer = renderer;
        this.settings = settings;
        this.options = options;
        this.scope = scope;
        this.listener = listener;
        this.onFinish = onFinish;
        // MISSING adds records only where none exists, so a record written by someone else meanwhile
        // is kept; EXISTING and ALL regenerate.
        this.mode = scope == MetadataScope.MISSING ? RecordWrite.Mode.IF_ABSENT : RecordWrite.Mode.REPLACE;
        this.coordinator = newThread(this::coordinate);
    }

    void start() {
        coordinator.start();
    }

    @Override
    public void cancel() {
        cancelRequested.set(true);
    }

    @Override
    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    @Override
    public GenerationResult await() {
        refuseFromListener();
        try {
            return completion.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataException("Interrupted while waiting for a generation run; the run goes on "
                    + "(cancel it through its handle)", e);
        } catch (ExecutionException e) {
            throw new MetadataException("Generation run failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public Optional<GenerationResult> await(Duration timeout) {
        refuseFromListener();
        try {
            return Optional.of(completion.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new MetadataException("Generation run failed: " + e.getCause(), e.getCause());
        }
    }

    /** Whether the caller is this run's coordinator, i.e. a listener of this run. */
    boolean isCoordinatorThread() {
        return Thread.currentThread() == coordinator;
    }

    private void refuseFromListener() {
        if (isCoordinatorThread() && !completion.isDone()) {
            // The listener runs on the thread that would complete the run: waiting here never ends.
            throw new IllegalStateException("A generation listener cannot await its own run; use completion()");
        }
    }

    @Override
    public CompletionStage<GenerationResult> completion() {
        return completion.minimalCompletionStage();
    }

    boolean isDone() {
        return completion.isDone();
    }

    private boolean stopFeeding() {
        return cancelRequested.get() || aborted;
    }

    // ------------------------------------------------------------------ coordinator

    /** Totals kept by the coordinator thread only. */
    private final class Tally {
        long total;
        long processed;
        long written;
        long skipped;
        long failed;
        final List<InstanceFailure> failures = new ArrayList<>();
        String storeFailure;

        GenerationResult result(long startNanos) {
            return new GenerationResult(total, processed, written, skipped, failed, failures,
                    cancelRequested.get(), Optional.ofNullable(storeFailure),
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    private void coordinate() {
        long start = System.nanoTime();
        Tally tally = new Tally();
        Path spill = null;
        ExecutorService pool = null;
        boolean started = false;
        try {
            spill = Files.createTempFile("dicom-metadata-selection-", ".bin");
            metrics.spillFile = spill;
            tally.total = snapshot(spill);
            started = true;
            fire(new GenerationEvent.Starting(this, tally.total));
            if (tally.total > 0 && !stopFeeding()) {
                pool = Executors.newFixedThreadPool(options.workers() + 1, this::newThread);
                process(spill, pool, tally);
            }
        } catch (BackendException e) {
            aborted = true;
            tally.storeFailure = Secrets.mask(e.getMessage());
            logMasked("Generation run stopped: the store failed: ", e);
        } catch (IOException e) {
            // Only the spill file throws checked I/O exceptions here.
            aborted = true;
            tally.storeFailure = "cannot spill the selection to a temporary file: " + Secrets.mask(e.getMessage());
            logMasked("Generation run stopped: cannot spill the selection to a temporary file: ", e);
        } catch (InterruptedException e) {
            aborted = true;
            tally.storeFailure = "interrupted";
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            // A bug in the store or in core: the run still completes and says why.
            aborted = true;
            tally.storeFailure = "unexpected error: " + Secrets.mask(String.valueOf(e));
            logMasked("Generation run stopped by an unexpected error: ", e);
        } finally {
            GenerationResult result = null;
            try {
                stop(pool);
                deleteQuietly(spill);
                if (!started) {
                    fire(new GenerationEvent.Starting(this, tally.total));
                }
                result = tally.result(start);
                fire(new GenerationEvent.Completed(this, result));
                if (listenerFailures > 1) {
                    LOG.log(Level.WARNING, "Generation listener threw " + listenerFailures + " times during the run");
                }
            } finally {
                try {
                    // Deregistered before completing, so whoever awaited the run sees it gone.
                    onFinish.accept(this);
                } finally {
                    if (result != null) {
                        completion.complete(result);
                    } else {
                        completion.completeExceptionally(
                                new IllegalStateException("generation run ended abnormally"));
                    }
                }
            }
        }
    }

    /** Pages the selection into the spill file and returns how many instances it holds. */
    private long snapshot(Path spill) throws IOException, InterruptedException {
        Set<MetadataFormat> formats = options.render().formats();
        int limit = settings.selectPageSize();
        try (SelectionSpill.Writer out = SelectionSpill.writer(spill)) {
            String after = null;
            while (!stopFeeding()) {
                String afterUid = after;
                Metrics.raise(metrics.maxSelectLimit, limit);
                List<SelectedInstance> page = withRetry("select",
                        () -> store.select(formats, scope, afterUid, limit));
                if (page.isEmpty()) {
                    break;
                }
                if (page.size() > limit) {
                    throw new BackendException("store " + store.describe() + " returned " + page.size()
                            + " instances for a page of at most " + limit);
                }
                for (SelectedInstance s : page) {
                    // Keyset paging only ends if UIDs strictly increase; a store breaking that would loop forever.
                    if (after != null && s.sopInstanceUid().compareTo(after) <= 0) {
                        throw new BackendException("store " + store.describe()
                                + " returned a selection page out of UID order at " + s.sopInstanceUid());
                    }
                    out.write(s);
                    after = s.sopInstanceUid();
                }
            }
            return out.count();
        }
    }

    private void process(Path spill, ExecutorService pool, Tally tally) throws InterruptedException {
        int workers = options.workers();
        int capacity = settings.queueCapacity(workers);
        metrics.queueCapacity.set(capacity);
        BlockingQueue<Object> work = new ArrayBlockingQueue<>(capacity);
        BlockingQueue<Object> results = new ArrayBlockingQueue<>(settings.resultCapacity(workers, options.batchSize()));
        pool.execute(() -> feed(spill, work, workers));
        for (int i = 0; i < workers; i++) {
            pool.execute(() -> work(work, results));
        }

        int batchSize = options.batchSize();
        long lingerNanos = settings.linger().toNanos();
        List<Rendered> batch = new ArrayList<>();
        int batchRecords = 0;
        long batchDeadline = 0;
        int running = workers;
        List<Object> arrived = new ArrayList<>();
        while (running > 0 && !aborted) {
            Object first;
            if (batch.isEmpty()) {
                first = results.take();
            } else {
                first = results.poll(Math.max(0, batchDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            if (first == null) {
                // The batch lingered long enough: write what it has so progress never stalls on slow sources.
                write(batch, tally);
                batchRecords = 0;
                continue;
            }
            arrived.add(first);
            // Take whatever else is ready in one go: fewer lock round trips and wake-ups per instance.
            results.drainTo(arrived, Math.max(0, batchSize - batch.size()));
            for (Object next : arrived) {
                if (next == WORKER_DONE) {
                    running--;
                    continue;
                }
                Rendered r = (Rendered) next;
                if (batch.isEmpty()) {
                    batchDeadline = System.nanoTime() + lingerNanos;
                }
                batch.add(r);
                batchRecords += r.writes.size();
                if (batchRecords >= batchSize || batch.size() >= batchSize) {
                    write(batch, tally);
                    batchRecords = 0;
                }
            }
            arrived.clear();
        }
        if (aborted) {
            tally.storeFailure = abortReason;
        } else {
            write(batch, tally);
        }
    }

    /** Writes one batch, then fires an Update per instance in the order the instances finished. */
    private void write(List<Rendered> batch, Tally tally) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<RecordWrite> writes = new ArrayList<>();
        for (Rendered r : batch) {
            writes.addAll(r.writes);
        }
        List<RecordWriteOutcome> outcomes = List.of();
        if (!writes.isEmpty()) {
            Metrics.raise(metrics.maxBatchRecords, writes.size());
            metrics.putRecordsCalls.incrementAndGet();
            outcomes = withRetry("putRecords", () -> store.putRecords(writes));
            if (outcomes.size() != writes.size()) {
                throw new BackendException("store " + store.describe() + " answered " + outcomes.size()
                        + " outcomes for a batch of " + writes.size() + " records");
            }
        }
        int k = 0;
        for (Rendered r : batch) {
            Optional<InstanceFailure> failure = Optional.ofNullable(r.failure);
            if (r.failure != null) {
                tally.failed++;
                if (tally.failures.size() < options.maxFailuresKept()) {
                    tally.failures.add(r.failure);
                }
            } else {
                int writtenHere = 0;
                for (int i = 0; i < r.writes.size(); i++) {
                    if (outcomes.get(k++) == RecordWriteOutcome.WRITTEN) {
                        writtenHere++;
                    }
                }
                // EXISTS (a MISSING run raced another writer) and NO_INSTANCE (deleted during the run)
                // are skips, not errors.
                if (writtenHere == 0) {
                    tally.skipped++;
                }
                tally.written += writtenHere;
            }
            tally.processed++;
            metrics.inFlight.decrementAndGet();
            fire(new GenerationEvent.Update(this, tally.processed, tally.total, tally.written, tally.skipped,
                    tally.failed, r.sopInstanceUid, failure));
        }
        batch.clear();
    }

    private <T> T withRetry(String operation, Supplier<T> call) throws InterruptedException {
        Duration[] backoff = settings.retryBackoff();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (BackendUnavailableException e) {
                if (attempt >= backoff.length) {
                    throw new BackendUnavailableException("store still unavailable after " + (attempt + 1)
                            + " attempts of " + operation + ": " + e.getMessage(), e);
                }
                LOG.log(Level.WARNING, "Store unavailable during " + operation + " (attempt " + (attempt + 1)
                        + "), retrying in " + backoff[attempt].toMillis() + " ms: " + Secrets.mask(e.getMessage()));
                Thread.sleep(backoff[attempt].toMillis());
            }
        }
    }

    /**
     * Logs why the run stopped. A store's message may quote a connection string: when masking changes
     * it, only the masked text is logged, since the exception itself would print the original.
     */
    private static void logMasked(String what, Throwable e) {
        String message = String.valueOf(e.getMessage());
        String masked = Secrets.mask(message);
        if (masked.equals(message)) {
            LOG.log(Level.ERROR, what + message, e);
        } else {
            LOG.log(Level.ERROR, what + masked + " (" + e.getClass().getName() + "; stack trace withheld: its"
                    + " message holds a password)");
        }
    }

    private void fire(GenerationEvent event) {
        try {
            listener.onEvent(event);
        } catch (Throwable e) {
            // The contract: a listener that throws does not stop the run. Only the first throw is logged
            // in full, so a listener failing on every event cannot flood the log.
            int n = ++listenerFailures;
            if (n == 1) {
                LOG.log(Level.WARNING, "Generation listener threw on " + event.getClass().getSimpleName()
                        + "; the run goes on", e);
            } else {
                LOG.log(Level.DEBUG, "Generation listener threw again (" + n + " times): " + e);
            }
        }
    }

    private void stop(ExecutorService pool) {
        if (pool == null) {
            return;
        }
        if (aborted) {
            pool.shutdownNow();
        } else {
            pool.shutdown();
        }
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "Generation worker threads did not stop within 35 s");
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the selection spill file " + file + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ reader and workers

    private void feed(Path spill, BlockingQueue<Object> work, int workers) {
        try (SelectionSpill.Reader in = SelectionSpill.reader(spill)) {
            SelectionSpill.Entry e;
            while (!stopFeeding() && (e = in.next()) != null) {
                while (!work.offer(e, 20, TimeUnit.MILLISECONDS)) {
                    if (stopFeeding()) {
                        break;
                    }
                }
                Metrics.raise(metrics.maxQueueDepth, work.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            // Errors too (an OutOfMemoryError, say): the run must end, not wait for work that never comes.
            abortReason = "cannot read the selection spill file " + spill + ": " + e;
            aborted = true;
            LOG.log(Level.ERROR, "Generation run stopped: " + abortReason, e);
        } finally {
            endOfWork(work, workers);
        }
    }

    /**
     * Tells every worker there is no more work, whatever happened to the reader. An interrupt means the
     * coordinator is shutting the pool down and no longer waits for the workers: then stop trying.
     */
    private static void endOfWork(BlockingQueue<Object> work, int workers) {
        try {
            for (int i = 0; i < workers; i++) {
                work.put(NO_MORE_WORK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(BlockingQueue<Object> work, BlockingQueue<Object> results) {
        metrics.workerThreads.incrementAndGet();
        try {
            while (true) {
                Object next = work.take();
                if (next == NO_MORE_WORK) {
                    break;
                }
                if (stopFeeding()) {
                    // Cancelled: entries still queued are not started.
                    continue;
                }
                metrics.instancesStarted.incrementAndGet();
                Metrics.raise(metrics.maxInFlight, metrics.inFlight.incrementAndGet());
                results.put(render((SelectionSpill.Entry) next));
            }
        } catch (InterruptedException e) {
            // Only the coordinator interrupts, when it has stopped listening.
            Thread.currentThread().interrupt();
            return;
        } catch (Throwable e) {
            // render() never throws; anything else here is an Error. The coordinator must still learn
            // that this worker is gone, or it would wait for its results forever.
            abortReason = "a generation worker died: " + e;
            aborted = true;
            LOG.log(Level.ERROR, "Generation run stopped: " + abortReason, e);
        }
        try {
            results.put(WORKER_DONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Loads and renders one instance. Never throws: a failure is the instance's outcome. */
    private Rendered render(SelectionSpill.Entry entry) {
        String uid = entry.sopInstanceUid();
        try {
            boolean full = false;
            for (MetadataFormat f : entry.formats()) {
                full |= CodecRenderer.writesBinaryInline(renderOptions(f));
            }
            DicomFile file = loader.load(entry.source(), full);
            List<RecordWrite> writes = new ArrayList<>(entry.formats().size());
            for (MetadataFormat f : entry.formats()) {
                writes.add(Records.render(renderer, file.dataSet(), uid, entry.source(), renderOptions(f), mode));
            }
            return new Rendered(uid, writes, null);
        } catch (Throwable e) {
            if (deletedMeanwhile(uid)) {
                return new Rendered(uid, List.of(), null);
            }
            // Masked here too: a message from below may quote a source URI with its password.
            String reason = shorten(Secrets.mask(String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage())
                    .replaceAll("[\\r\\n]+", " ")));
            return new Rendered(uid, List.of(),
                    new InstanceFailure(uid, Secrets.mask(entry.source()), reason, e.getClass().getSimpleName()));
        }
    }

    /** Longest failure reason kept: the number of reasons is capped, so their size is too. */
    static final int MAX_REASON_LENGTH = 1_000;

    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }

    private RenderOptions renderOptions(MetadataFormat f) {
        return options.render().get(f).orElseThrow(() -> new IllegalStateException(
                "the store selected " + f + ", which the run did not ask for"));
    }

    /** An instance deleted during the run is skipped, not failed, whatever its source did meanwhile. */
    private boolean deletedMeanwhile(String uid) {
        try {
            return store.findInstance(uid).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * One instance's outcome from a worker: the records to write, or the failure, or neither (skipped).
     */
    private record Rendered(String sopInstanceUid, List<RecordWrite> writes, InstanceFailure failure) {
    }

    private Thread newThread(Runnable r) {
        Thread t = new Thread(r, "dicom-metadata-gen-" + THREAD_NUMBER.incrementAndGet());
        // Background work must not keep the JVM alive on its own; records are atomic, so a run cut
        // short at exit loses at most its unwritten batch, and a MISSING run finishes it.
        t.setDaemon(true);
        return t;
    }
}
