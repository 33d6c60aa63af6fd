package org.dicommeta.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.tck.ReferenceMetadataStore;

/**
 * Runs command lines in process with captured streams. Every command opens its agent over one shared
 * in-memory reference store, so a sequence of commands sees one store, as it would on disk.
 */
final class CliRunner {

    final ReferenceMetadataStore store = new ReferenceMetadataStore();
    private final CliContext.StoreOpener agents;

    CliRunner() {
        this.agents = (uri, options) -> MetadataAgents.of(store);
    }

    CliRunner(CliContext.StoreOpener agents) {
        this.agents = agents;
    }

    /** The outcome of one command line. */
    record Result(int code, byte[] outBytes, String err) {
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Main.run(new CliContext(o, e, false, agents), args);
        o.flush();
        e.flush();
        return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
