package org.dicommeta.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dicommeta.domain.GenerationEvent;
import org.dicommeta.domain.GenerationListener;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationResult;
import org.dicommeta.domain.GenerationRun;
import org.dicommeta.domain.InstanceFailure;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code generate}: a bulk generation run over a scope, with progress, and Ctrl-C as a clean cancel.
 */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Renders and stores the metadata of every instance in a scope.",
                "Ctrl-C cancels cleanly: records written so far are kept; run again with --scope missing "
                        + "to finish exactly the rest."})
final class GenerateCommand implements Callable<Integer> {

    /** How many failures are listed one per line before the rest are only counted. */
    static final int FAILURES_LISTED = 20;

    @ParentCommand
    RootCommand root;

    @Option(names = "--json", description = "Generate DICOM JSON records.")
    boolean json;

    @Option(names = "--xml", description = "Generate Native DICOM Model XML records.")
    boolean xml;

    @Option(names = "--scope", paramLabel = "S", defaultValue = "missing", converter = ScopeConverter.class,
            description = "all, existing or missing (any case); default: ${DEFAULT-VALUE}.")
    MetadataScope scope;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads that load and render (default: available processors).")
    Integer threads;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + GenerationOptions.DEFAULT_BATCH_SIZE,
            description = "Records written per store call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /**
     * Cancels the run from its own listener after this many instances: the same cancel path as
     * Ctrl-C, reproducible, for tests and the demo. Hidden from the help.
     */
    @Option(names = "--cancel-after", hidden = true, paramLabel = "K")
    long cancelAfter = -1;

    @Option(names = "--progress-every", paramLabel = "N", defaultValue = "" + Progress.DEFAULT_LINE_EVERY,
            description = "Without a terminal: a progress line every N instances (and every 2 s); "
                    + "default: ${DEFAULT-VALUE}.")
    int progressEvery;

    @Mixin
    RenderFlags flags;

    @Override
    public Integer call() {
        MetadataOptions render = flags.metadataOptions(json, xml);
        CliContext context = root.context();
        GenerationOptions options = GenerationOptions.of(render).withBatchSize(positive(batchSize, "--batch-size"));
        if (threads != null) {
            options = options.withWorkers(positive(threads, "--threads"));
        }
        int lineEvery = positive(progressEvery, "--progress-every");
        CtrlC ctrlC = new CtrlC();
        boolean hooked = addHook(ctrlC.hook);
        try {
            try (MetadataAgent agent = root.openAgent()) {
                return run(agent, options, scope, context, cancelAfter, lineEvery, ctrlC::started);
            }
        } finally {
            // Only now, with the summary printed and the store closed, may a Ctrl-C exit proceed.
            ctrlC.finished.countDown();
            if (hooked) {
                removeHook(ctrlC.hook);
            }
        }
    }

    private int positive(int n, String option) {
        if (n < 1) {
            throw new CommandLine.ParameterException(flags.mixee.commandLine(),
                    option + " must be at least 1, was " + n);
        }
        return n;
    }

    /**
     * Ctrl-C as a clean cancel. On SIGINT the JVM runs its shutdown hooks and exits when they return
     * (with status 130), so the hook cancels the run and then holds the exit until the command has seen
     * Completed, printed how many records were written, and closed the store.
     */
    static final class CtrlC {
        final CountDownLatch finished = new CountDownLatch(1);
        private final AtomicReference<GenerationRun> run = new AtomicReference<>();
        private volatile boolean interrupted;
        final Thread hook = new Thread(this::onSignal, "dicom-metadata-ctrl-c");

        /** Called once the run exists; a Ctrl-C that came while the store was opening cancels it at once. */
        void started(GenerationRun r) {
            run.set(r);
            if (interrupted) {
                r.cancel();
            }
        }

        private void onSignal() {
            interrupted = true;
            GenerationRun r = run.get();
            if (r != null) {
                r.cancel();
            }
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs one generation with progress, prints its summary and returns the exit code.
     *
     * @param cancelAfter cancel from the listener once this many instances are processed; negative: never
     * @param progressEvery without a terminal, a progress line every this many instances
     * @param started     receives the run's handle as soon as it exists
     */
    static int run(MetadataAgent agent, GenerationOptions options, MetadataScope scope, CliContext context,
            long cancelAfter, int progressEvery, Consumer<GenerationRun> started) {
        String formats = options.render().formats().stream().map(f -> f.name()).collect(Collectors.joining("+"));
        Progress progress = Progress.create(context, "generate " + formats + " " + scope.label(), progressEvery);
        GenerationListener listener = cancelAfter < 0 ? progress : event -> {
            progress.onEvent(event);
            if (event instanceof GenerationEvent.Update u && u.processed() >= cancelAfter) {
                event.run().cancel();
            }
        };
        GenerationResult result;
        try {
            GenerationRun run = agent.generate(options, scope, listener);
            started.accept(run);
            result = run.await();
        } finally {
            progress.close();
        }
        printSummary(result, formats, scope, context);
        if (result.storeFailure().isPresent()) {
            return ExitCodes.BACKEND_UNAVAILABLE;
        }
        if (result.cancelled()) {
            return ExitCodes.CANCELLED;
        }
        return result.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    static void printSummary(GenerationResult r, String formats, MetadataScope scope, CliContext context) {
        PrintStream out = context.out();
        PrintStream err = context.err();
        int listed = 0;
        for (InstanceFailure f : r.failures()) {
            if (listed++ == FAILURES_LISTED) {
                break;
            }
            err.println("failed: " + f.sopInstanceUid() + " (" + f.source() + "): " + Errors.fold(f.reason()));
        }
        if (r.failed() > FAILURES_LISTED) {
            err.println("... and " + (r.failed() - FAILURES_LISTED) + " more failures");
        }
        r.storeFailure().ifPresent(s -> err.println("dicom-metadata: the store failed, run ended: " + Errors.fold(s)));
        String verb = r.cancelled() ? "Cancelled" : "Generated";
        out.printf(Locale.ROOT, "%s %s (scope %s): %d selected, %d processed, %d written, %d skipped, %d failed "
                + "in %.2f s (%.1f instances/s)%n", verb, formats, scope.label(), r.total(), r.processed(),
                r.written(), r.skipped(), r.failed(), r.elapsed().toNanos() / 1e9, r.throughput());
        if (r.cancelled()) {
            out.println("Cancelled after " + r.written() + " records were written; they are kept. Run generate "
                    + "--scope missing to finish the remaining " + (r.total() - r.processed()) + ".");
        }
        out.flush();
        err.flush();
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false; // already shutting down
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutdown in progress: the hook is running and waits for the summary; nothing to undo.
        }
    }
}
