package org.dicommeta.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.domain.StoreResult;
import org.dicommeta.domain.WriteOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import}: indexes Part 10 files, folders recursively, optionally rendering their metadata on
 * the way in. A file that is not DICOM is named on standard error and skipped; the run goes on and
 * ends with exit code 1. A failure of the store itself ends the import (exit 3 or 4).
 *
 * <p>Files are parsed and stored by {@code --threads} workers, so parsing, rendering and the store's
 * writes overlap; folders are walked lazily and at most two files per worker wait, so memory stays
 * bounded however large the tree. (The agent stores one instance per call; the store batches
 * underneath where its backend can.)
 */
@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Indexes DICOM Part 10 files (folders recursively).",
                "With --json and/or --xml their metadata is rendered and stored in the same pass.",
                "Files that are not DICOM are reported by name and skipped (exit code 1)."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
    List<Path> paths;

    @Option(names = "--json", description = "Also render and store DICOM JSON.")
    boolean json;

    @Option(names = "--xml", description = "Also render and store Native DICOM Model XML.")
    boolean xml;

    @Option(names = "--overwrite",
            description = "Replace the index entry (and, with --json/--xml, the records) of UIDs already stored.")
    boolean overwrite;

    @Option(names = "--threads", paramLabel = "N",
            description = "Files parsed and stored in parallel (default: available processors).")
    Integer threads;

    @Mixin
    RenderFlags flags;

    @Override
    public Integer call() throws InterruptedException {
        Optional<MetadataOptions> render = json || xml ? Optional.of(flags.metadataOptions(json, xml))
                : Optional.empty();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new CommandLine.ParameterException(flags.mixee.commandLine(), "--threads must be at least 1, was "
                    + workers);
        }
        StoreOptions options = new StoreOptions(overwrite, render);
        CliContext context = root.context();
        Tally tally = new Tally();
        try (MetadataAgent agent = root.openAgent()) {
            Importer importer = new Importer(agent, options, tally, context.err(), workers);
            try {
                for (Path path : paths) {
                    if (Files.isDirectory(path)) {
                        try (Stream<Path> files = Files.walk(path)) {
                            files.filter(Files::isRegularFile).forEach(importer::submit);
                        } catch (IOException e) {
                            throw new UncheckedIOException("Cannot list folder " + path + ": " + e.getMessage(), e);
                        }
                    } else if (Files.isRegularFile(path)) {
                        importer.submit(path);
                    } else {
                        tally.failed(context.err(), "skipped " + path + ": no such file or folder");
                    }
                }
            } finally {
                importer.finish();
            }
        }
        tally.print(context.out());
        return tally.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** Runs {@code agent.store} on a fixed pool with a bounded backlog; the first store failure stops it. */
    static final class Importer {
        private final MetadataAgent agent;
        private final StoreOptions options;
        private final Tally tally;
        private final PrintStream err;
        private final ExecutorService pool;
        private final Semaphore backlog;
        private final AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();

        Importer(MetadataAgent agent, StoreOptions options, Tally tally, PrintStream err, int workers) {
            this.agent = agent;
            this.options = options;
            this.tally = tally;
            this.err = err;
            this.pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "dicom-metadata-import");
                t.setDaemon(true);
                return t;
            });
            this.backlog = new Semaphore(2 * workers);
        }

        void submit(Path file) {
            rethrowStoreFailure();
            backlog.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    if (storeFailure.get() == null) {
                        importOne(file);
                    }
                } finally {
                    backlog.release();
                }
            });
            tally.maybeReport(err);
        }

        private void importOne(Path file) {
            try {
                tally.count(agent.store(file, options));
            } catch (BackendException e) {
                // The store itself failed: not a property of this file, and the next files would fail alike.
                storeFailure.compareAndSet(null, e);
            } catch (MetadataException | DicomCodecException | UncheckedIOException e) {
                String reason = Errors.oneLine(e);
                // The typed exceptions name the file already; say it once, but always say it.
                tally.failed(err, reason.contains(file.toString()) ? "skipped: " + reason
                        : "skipped " + file + ": " + reason);
            } catch (RuntimeException e) {
                storeFailure.compareAndSet(null, e);
            }
        }

        /** Waits for the files in flight, then reports a store failure as the command's error. */
        void finish() throws InterruptedException {
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                tally.maybeReport(err);
            }
            rethrowStoreFailure();
        }

        private void rethrowStoreFailure() {
            RuntimeException e = storeFailure.get();
            if (e != null) {
                throw e;
            }
        }
    }

    /** What an import did. Thread-safe. */
    static final class Tally {
        /** A long import says where it is this often, on standard error. */
        private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
        private final long start = System.nanoTime();
        private long lastProgress = start;
        private long stored;
        private long replaced;
        private long alreadyPresent;
        private long failed;
        private final Map<MetadataFormat, long[]> records = new EnumMap<>(MetadataFormat.class);

        /** Every few seconds, one line: a large folder should not look like a hang. */
        synchronized void maybeReport(PrintStream err) {
            long now = System.nanoTime();
            if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                long files = stored + replaced + alreadyPresent + failed;
                err.println(String.format(Locale.ROOT, "import: %d files so far (%.1f files/s), %d skipped", files,
                        files / ((now - start) / 1e9), failed));
            }
        }

        synchronized void failed(PrintStream err, String line) {
            failed++;
            err.println(line);
        }

        synchronized long failed() {
            return failed;
        }

        synchronized void count(StoreResult r) {
            if (r.instance() == InstanceOutcome.STORED) {
                stored++;
            } else if (r.instance() == InstanceOutcome.REPLACED) {
                replaced++;
            } else {
                alreadyPresent++;
            }
            r.metadata().forEach((format, outcome) -> records.computeIfAbsent(format, f -> new long[2])
                    [outcome == WriteOutcome.WRITTEN ? 0 : 1]++);
        }

        synchronized void print(PrintStream out) {
            List<String> parts = new ArrayList<>();
            parts.add(stored + " stored");
            if (replaced > 0) {
                parts.add(replaced + " replaced");
            }
            parts.add(alreadyPresent + " already present");
            records.forEach((format, n) -> parts.add(format.name() + " records: " + n[0] + " written"
                    + (n[1] > 0 ? ", " + n[1] + " kept (exist)" : "")));
            parts.add(failed + " skipped (not DICOM or unreadable)");
            out.println(String.format(Locale.ROOT, "Imported %d instances: %s", stored + replaced,
                    String.join(", ", parts)));
            out.flush();
        }
    }
}
