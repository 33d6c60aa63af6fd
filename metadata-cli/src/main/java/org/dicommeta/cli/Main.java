package org.dicommeta.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The entry point of {@code dicom-metadata}. Exits with the codes of {@link ExitCodes}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(CliContext.system(), args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs one command line against the given streams and returns its exit code without exiting.
     * The entry point of the end-to-end tests.
     */
    public static int run(java.io.PrintStream out, java.io.PrintStream err, String... args) {
        return run(CliContext.of(out, err), args);
    }

    static int run(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    /** The configured picocli command line: one-line errors, exit codes of {@link ExitCodes}. */
    static CommandLine commandLine(CliContext context) {
        RootCommand root = new RootCommand(context);
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parseResult -> {
            CliLoggerFinder.debug(root.debug());
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine where = ex.getCommandLine();
            context.err().println("dicom-metadata: " + Errors.fold(ex.getMessage()) + " (see '"
                    + where.getCommandSpec().qualifiedName() + " --help')");
            context.err().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, where, parseResult) -> {
            context.err().println("dicom-metadata: " + Errors.oneLine(ex));
            if (root.debug()) {
                // The trace repeats the messages; mask them as the one-line error is masked.
                java.io.StringWriter trace = new java.io.StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                trace.toString().lines().map(org.dicommeta.domain.Secrets::mask).forEach(context.err()::println);
            }
            context.err().flush();
            return ExitCodes.of(ex);
        });
        return cl;
    }
}
