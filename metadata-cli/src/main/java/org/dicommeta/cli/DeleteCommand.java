package org.dicommeta.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataRecords;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code delete}: records of one format, by UID or all of them; instances stay. */
@Command(name = "delete", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Deletes records of one format; the instances stay (they become missing).",
                "Unknown UIDs are not an error."})
final class DeleteCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OneFormat format;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Either UIDs or --all. */
    static final class Target {
        @Parameters(arity = "1..*", paramLabel = "UID", description = "SOP Instance UIDs whose records to delete.")
        List<String> uids;

        @Option(names = "--all", required = true, description = "Delete every record of the format.")
        boolean all;
    }

    @Override
    public Integer call() {
        MetadataFormat f = format.format();
        try (MetadataAgent agent = root.openAgent()) {
            MetadataRecords records = agent.records(f);
            if (target.all) {
                long n = records.deleteAll();
                root.context().out().println("Deleted all " + n + " " + f.name() + " records");
            } else {
                long n = records.delete(target.uids);
                root.context().out().println("Deleted " + n + " " + f.name() + " records (of "
                        + target.uids.size() + " UIDs given)");
            }
        }
        return ExitCodes.OK;
    }
}
