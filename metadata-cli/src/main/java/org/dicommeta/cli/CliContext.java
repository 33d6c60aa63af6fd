package org.dicommeta.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.domain.MetadataAgent;

/**
 * What the commands print to and how they open a store. {@link Main} uses the process's streams and
 * {@link MetadataAgents#open(String)}; tests pass captured streams.
 *
 * @param out         standard output: results and record bytes ({@code get} writes raw bytes here)
 * @param err         standard error: progress, per-file reports, the one-line error
 * @param interactive whether a person watches a terminal (then generation shows a progress bar)
 * @param agents      opens an agent for a store URI and library options
 */
record CliContext(PrintStream out, PrintStream err, boolean interactive, StoreOpener agents) {

    /** {@link MetadataAgents#open(String, Map)}, or a stand-in in tests. */
    @FunctionalInterface
    interface StoreOpener {
        /** Opens the agent of {@code uri} with the library options (without the {@code dicommeta.} prefix). */
        MetadataAgent open(String uri, Map<String, String> options);
    }

    CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(agents, "agents");
    }

    /** The process's own streams; interactive when the JVM has a console. */
    static CliContext system() {
        return new CliContext(System.out, System.err, System.console() != null, MetadataAgents::open);
    }

    /** Captured streams, not interactive, the real store opener. */
    static CliContext of(PrintStream out, PrintStream err) {
        return new CliContext(out, err, false, MetadataAgents::open);
    }
}
