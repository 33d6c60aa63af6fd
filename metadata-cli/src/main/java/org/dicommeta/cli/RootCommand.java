package org.dicommeta.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dicommeta.domain.MetadataAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code dicom-metadata}: the global options and the list of subcommands. */
@Command(name = "dicom-metadata", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Stores the metadata of DICOM instances as DICOM JSON (PS3.18 Annex F) and Native DICOM "
                + "Model XML (PS3.19 Annex A) in a file store, PostgreSQL or MongoDB.",
        subcommands = {ImportCommand.class, GenerateCommand.class, CountCommand.class, ExistsCommand.class,
                GetCommand.class, DeleteCommand.class, DumpCommand.class, DemoCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0    success",
                "  1    finished, but some instances or files failed (named on stderr)",
                "  2    usage error: bad option or value, invalid UID, unknown store URI",
                "  3    backend unavailable (retry later)",
                "  4    other error (not found, no store at a file: path for count/exists/get, backend error, I/O error)",
                "  130  generation cancelled with Ctrl-C (what was written is kept)"})
final class RootCommand implements Callable<Integer> {

    /** The store a command uses when {@code --store} is not given. */
    static final String DEFAULT_STORE = "file:./metadata-store";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "URI", scope = ScopeType.INHERIT, defaultValue = DEFAULT_STORE,
            description = {"The store: file:DIR, jdbc:postgresql://..., mongodb://... (default: ${DEFAULT-VALUE}).",
                    "count, exists and get open a file: store read-only (no lock, so they work while another "
                            + "process writes; a path without a store is an error); import, generate and "
                            + "delete create it when missing."})
    String store;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error after its one-line message.")
    boolean debug;

    RootCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    boolean debug() {
        return debug;
    }

    /** Opens the agent of {@code --store} for commands that write; the caller closes it. */
    MetadataAgent openAgent() {
        return context.agents().open(store, Map.of());
    }

    /**
     * Opens the agent of {@code --store} for commands that only read; the caller closes it. A
     * {@code file:} store opens read-only: it takes no writer lock, so it works while another process
     * writes, and it never creates a store, so a mistyped path is an error rather than an empty store.
     * Only {@code file:} gets the option: other providers refuse options they do not know.
     */
    MetadataAgent openReader() {
        return context.agents().open(store, isFileUri(store) ? Map.of(READ_ONLY_OPTION, "true") : Map.of());
    }

    /** The file store's read-only option (adapter-filesystem's FileStoreSettings.OPTION_READ_ONLY). */
    static final String READ_ONLY_OPTION = "readOnly";

    static boolean isFileUri(String uri) {
        return uri.toLowerCase(Locale.ROOT).startsWith("file:");
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }
}
