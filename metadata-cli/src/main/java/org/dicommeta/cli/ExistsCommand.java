package org.dicommeta.cli;

import java.util.concurrent.Callable;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code exists}: whether an instance has a record of one format. */
@Command(name = "exists", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Says whether the instance has a record of the format (exit code 0 either way).")
final class ExistsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OneFormat format;

    @Parameters(paramLabel = "UID", description = "The SOP Instance UID.")
    String uid;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        MetadataFormat f = format.format();
        try (MetadataAgent agent = root.openReader()) {
            boolean exists = agent.records(f).exists(uid);
            root.context().out().println(output.json()
                    ? new JsonText().put("format", f.name().toLowerCase(java.util.Locale.ROOT))
                            .put("sopInstanceUid", uid).put("exists", exists)
                    : f.name() + " record of " + uid + ": " + (exists ? "exists" : "absent"));
        }
        return ExitCodes.OK;
    }
}
