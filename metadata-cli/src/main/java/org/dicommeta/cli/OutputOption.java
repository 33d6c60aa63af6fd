package org.dicommeta.cli;

import picocli.CommandLine.Option;

/** {@code --output}: text for people, json for scripts; mixed into the commands whose result scripts read. */
final class OutputOption {

    /** The two forms of a result. */
    enum Mode {
        TEXT, JSON
    }

    @Option(names = "--output", paramLabel = "MODE", defaultValue = "text",
            description = "text or json (an object for scripts); default: ${DEFAULT-VALUE}.")
    Mode mode;

    /** Whether the result is to be one JSON object. */
    boolean json() {
        return mode == Mode.JSON;
    }
}
