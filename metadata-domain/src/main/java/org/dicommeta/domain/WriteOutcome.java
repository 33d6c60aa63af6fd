package org.dicommeta.domain;

/** What a metadata write did. Not writing is an answer, not an error. */
public enum WriteOutcome {
    /** A record was added or replaced. */
    WRITTEN,
    /** A record existed and overwrite was not asked for: nothing changed. */
    NOT_WRITTEN_EXISTS
}
