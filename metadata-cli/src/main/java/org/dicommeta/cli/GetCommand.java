package org.dicommeta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.NotFoundException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code get}: the stored record, byte for byte, on standard output. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Writes the stored record to standard output exactly as stored (no newline added).")
final class GetCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OneFormat format;

    @Parameters(paramLabel = "UID", description = "The SOP Instance UID.")
    String uid;

    @Override
    public Integer call() {
        MetadataFormat f = format.format();
        try (MetadataAgent agent = root.openReader()) {
            // Streamed, so a large record never has to fit in memory twice.
            Optional<InputStream> record = agent.records(f).openStream(uid);
            if (record.isEmpty()) {
                throw new NotFoundException("No " + f.name() + " record for SOP Instance UID " + uid, uid);
            }
            try (InputStream in = record.get()) {
                in.transferTo(root.context().out());
                root.context().out().flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the " + f.name() + " record of " + uid + ": "
                        + e.getMessage(), e);
            }
        }
        return ExitCodes.OK;
    }
}
