package org.dicommeta.cli;

import java.util.concurrent.Callable;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataRecords;
import org.dicommeta.domain.MetadataScope;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code count}: instances in a scope for one format; all three scopes when none is given. */
@Command(name = "count", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Counts the instances in a scope for one format: all = instances, existing = with a "
                + "record, missing = without one.", "Without --scope all three are printed."})
final class CountCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OneFormat format;

    @Option(names = "--scope", paramLabel = "S", converter = ScopeConverter.class,
            description = "all, existing or missing (any case).")
    MetadataScope scope;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        MetadataFormat f = format.format();
        try (MetadataAgent agent = root.openReader()) {
            MetadataRecords records = agent.records(f);
            String label = f.name().toLowerCase(java.util.Locale.ROOT);
            if (scope != null) {
                long n = records.count(scope);
                root.context().out().println(output.json()
                        ? new JsonText().put("format", label).put("scope", scope.label()).put("count", n)
                        : f.name() + " " + scope.label() + ": " + n);
            } else {
                long all = records.count(MetadataScope.ALL);
                long existing = records.count(MetadataScope.EXISTING);
                long missing = records.count(MetadataScope.MISSING);
                root.context().out().println(output.json()
                        ? new JsonText().put("format", label).put("all", all).put("existing", existing)
                                .put("missing", missing)
                        : f.name() + " all: " + all + ", existing: " + existing + ", missing: " + missing);
            }
        }
        return ExitCodes.OK;
    }
}
