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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import}: indexes Part 10 files, folders recursively, optionally rendering their metadata on
 * the way in. A file that is not DICOM is named on standard error and skipped; the run goes on and
 * ends with exit code 1.
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

    @Mixin
    RenderFlags flags;

    @Override
    public Integer call() {
        Optional<MetadataOptions> render = json || xml ? Optional.of(flags.metadataOptions(json, xml))
                : Optional.empty();
        StoreOptions options = new StoreOptions(overwrite, render);
        CliContext context = root.context();
        Tally tally = new Tally();
        try (MetadataAgent agent = root.openAgent()) {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        // Sorted so that reruns visit files in the same order and reports are comparable.
                        files.filter(Files::isRegularFile).sorted()
                                .forEach(f -> importOne(agent, f, options, tally, context.err()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot list folder " + path + ": " + e.getMessage(), e);
                    }
                } else if (Files.isRegularFile(path)) {
                    importOne(agent, path, options, tally, context.err());
                } else {
                    tally.failed++;
                    context.err().println("skipped " + path + ": no such file or folder");
                }
            }
        }
        tally.print(context.out());
        return tally.failed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private static void importOne(MetadataAgent agent, Path file, StoreOptions options, Tally tally, PrintStream err) {
        tally.maybeReport(err);
        try {
            StoreResult r = agent.store(file, options);
            tally.count(r);
        } catch (BackendException e) {
            throw e; // the store itself failed: not a property of this file; the run cannot go on
        } catch (MetadataException | DicomCodecException | UncheckedIOException e) {
            tally.failed++;
            String reason = Errors.oneLine(e);
            // The typed exceptions name the file already; say it once, but always say it.
            err.println(reason.contains(file.toString()) ? "skipped: " + reason : "skipped " + file + ": " + reason);
        }
    }

    /** What an import did. */
    static final class Tally {
        /** A long import says where it is this often, on standard error. */
        private static final long PROGRESS_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        private final long start = System.nanoTime();
        private long lastProgress = start;
        long stored;
        long replaced;
        long alreadyPresent;
        long failed;
        final Map<MetadataFormat, long[]> records = new EnumMap<>(MetadataFormat.class);

        /** Every few seconds, one line: a large folder should not look like a hang. */
        void maybeReport(PrintStream err) {
            long now = System.nanoTime();
            if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                long files = stored + replaced + alreadyPresent + failed;
                err.println(String.format(Locale.ROOT, "import: %d files so far (%.1f files/s), %d skipped", files,
                        files / ((now - start) / 1e9), failed));
            }
        }

        void count(StoreResult r) {
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

        void print(PrintStream out) {
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
