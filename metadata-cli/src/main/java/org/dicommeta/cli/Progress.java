package org.dicommeta.cli;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dicommeta.domain.GenerationEvent;
import org.dicommeta.domain.GenerationListener;

/**
 * Shows a generation run's progress on standard error: a progress bar (done/total, instances/s, ETA)
 * for a person at a terminal, plain lines for logs and pipes. Events arrive on one thread at a time
 * (the run's contract), so no state here needs more than that.
 */
abstract class Progress implements GenerationListener {

    /** Plain lines come at least this often by count, and every 2 s. */
    static final int DEFAULT_LINE_EVERY = 1_000;

    /**
     * A progress bar when {@code interactive}, otherwise plain lines every 2 s or every
     * {@code lineEvery} instances.
     */
    static Progress create(CliContext context, String task, int lineEvery) {
        return context.interactive() ? new Bar(context.err(), task) : new Lines(context.err(), task, System::nanoTime,
                TimeUnit.SECONDS.toNanos(2), lineEvery);
    }

    /** Releases the display (stops the bar's refresh thread). Idempotent. */
    abstract void close();

    /** The progress bar of me.tongfei.progressbar; it refreshes itself on its own thread. */
    static final class Bar extends Progress {
        private final PrintStream err;
        private final String task;
        private ProgressBar bar;

        Bar(PrintStream err, String task) {
            this.err = err;
            this.task = task;
        }

        /** $COLUMNS when the shell exports it, else 80: a bar wider than the terminal would wrap. */
        static int terminalWidth() {
            String columns = System.getenv("COLUMNS");
            if (columns != null) {
                try {
                    int n = Integer.parseInt(columns.strip());
                    if (n >= 40 && n <= 500) {
                        return n - 1;
                    }
                } catch (NumberFormatException e) {
                    // not a number: use the default
                }
            }
            return 79;
        }

        @Override
        public void onEvent(GenerationEvent event) {
            if (event instanceof GenerationEvent.Starting s) {
                // Our own consumer with a known width: left to itself the library opens a JLine terminal,
                // which resets SIGINT to the OS default, so Ctrl-C would kill the JVM without running
                // the shutdown hook that cancels the run cleanly.
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(s.total())
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" inst", 1)
                        .showSpeed(new DecimalFormat("#,##0.0")).setSpeedUnit(ChronoUnit.SECONDS)
                        .setConsumer(new ConsoleProgressBarConsumer(err, terminalWidth()))
                        .setUpdateIntervalMillis(200).build();
            } else if (event instanceof GenerationEvent.Update u && bar != null) {
                bar.stepTo(u.processed());
                bar.setExtraMessage(u.failed() > 0 ? u.failed() + " failed" : "");
            } else if (event instanceof GenerationEvent.Completed c && bar != null) {
                bar.stepTo(c.result().processed());
                close();
            }
        }

        @Override
        void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    /** Plain progress lines, for output that is not a terminal. */
    static final class Lines extends Progress {
        private final PrintStream err;
        private final String task;
        private final LongSupplier nanoClock;
        private final long everyNanos;
        private final long everyInstances;
        private long startNanos;
        private long lastNanos;
        private long lastProcessed;

        Lines(PrintStream err, String task, LongSupplier nanoClock, long everyNanos, long everyInstances) {
            this.err = err;
            this.task = task;
            this.nanoClock = nanoClock;
            this.everyNanos = everyNanos;
            this.everyInstances = everyInstances;
        }

        @Override
        public void onEvent(GenerationEvent event) {
            if (event instanceof GenerationEvent.Starting s) {
                startNanos = nanoClock.getAsLong();
                lastNanos = startNanos;
                err.println(task + ": " + s.total() + " instances selected");
            } else if (event instanceof GenerationEvent.Update u) {
                long now = nanoClock.getAsLong();
                if (now - lastNanos >= everyNanos || u.processed() - lastProcessed >= everyInstances) {
                    err.println(line(task, u.processed(), u.total(), u.failed(), now - startNanos));
                    lastNanos = now;
                    lastProcessed = u.processed();
                }
            }
        }

        @Override
        void close() {
            err.flush();
        }

        /** "generate: 1000/5000 (20.0%), 850.3 instances/s, ETA 0:00:05, 0 failed". */
        static String line(String task, long processed, long total, long failed, long elapsedNanos) {
            double seconds = elapsedNanos / 1e9;
            double rate = seconds > 0 ? processed / seconds : 0;
            String eta = rate > 0 ? duration(Duration.ofMillis((long) ((total - processed) / rate * 1000))) : "?";
            double percent = total == 0 ? 100 : 100.0 * processed / total;
            return String.format(Locale.ROOT, "%s: %d/%d (%.1f%%), %.1f instances/s, ETA %s, %d failed",
                    task, processed, total, percent, rate, eta, failed);
        }
    }

    /** h:mm:ss. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
