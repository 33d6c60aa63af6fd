package org.dicommeta.ports;

/** What one {@link RecordWrite} of a batch did. */
public enum RecordWriteOutcome {
    /** Stored (added or replaced). */
    WRITTEN,
    /** {@link RecordWrite.Mode#IF_ABSENT} and a record existed: nothing changed. */
    EXISTS,
    /** No instance has that UID (never stored, or deleted meanwhile): nothing written, no orphan record. */
    NO_INSTANCE
}
