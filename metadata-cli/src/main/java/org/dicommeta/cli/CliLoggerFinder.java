package org.dicommeta.cli;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.dicommeta.domain.Secrets;

/**
 * Where the library's {@link System.Logger} output goes when it runs inside the command line
 * (registered as a {@code java.lang.System$LoggerFinder} service). Without it the JDK's default backend
 * would print multi-line records with stack traces to standard error, which would break the promise of
 * one clear line per problem.
 *
 * <p>Normally only warnings are shown, one masked line each ({@code dicom-metadata: warning: ...}); errors
 * are not, because every error the library logs also reaches the command as an exception or a result,
 * which reports it once. With {@code --debug} every level from DEBUG up is shown, with stack traces.
 */
public final class CliLoggerFinder extends System.LoggerFinder {

    private static volatile boolean debug;

    /** Shows everything from DEBUG up, with stack traces. Set by {@link Main} from {@code --debug}. */
    static void debug(boolean on) {
        debug = on;
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new CliLogger(name);
    }

    /** One logger per name; writes to the standard error of the moment. */
    static final class CliLogger implements System.Logger {
        private final String name;

        CliLogger(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            if (level == Level.OFF) {
                return false;
            }
            return debug ? level.getSeverity() >= Level.DEBUG.getSeverity() : level == Level.WARNING;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                print(level, msg, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                String text = format;
                if (params != null && params.length > 0 && format != null) {
                    try {
                        text = MessageFormat.format(format, params);
                    } catch (IllegalArgumentException e) {
                        text = format; // a malformed pattern still says something useful
                    }
                }
                print(level, text, null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> supplier) {
            if (isLoggable(level)) {
                print(level, supplier.get(), null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> supplier, Throwable thrown) {
            if (isLoggable(level)) {
                print(level, supplier.get(), thrown);
            }
        }

        private void print(Level level, String message, Throwable thrown) {
            PrintStream err = System.err;
            String prefix = debug ? "dicom-metadata: " + level.getName().toLowerCase(java.util.Locale.ROOT) + " ["
                    + name + "]: " : "dicom-metadata: warning: ";
            err.println(prefix + Errors.fold(message));
            if (debug && thrown != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                thrown.printStackTrace(new java.io.PrintWriter(trace));
                trace.toString().lines().map(Secrets::mask).forEach(err::println);
            }
        }
    }
}
