package org.dicommeta.cli;

/** {@code --output}: text for people, json for scripts. */
enum OutputMode {
    TEXT, JSON
}
