package org.dicommeta.domain;

/** What storing an instance did to the index. */
public enum InstanceOutcome {
    /** The UID was new; the instance is now indexed. */
    STORED,
    /** The UID existed and overwrite was asked for: the index entry was replaced (its records are kept). */
    REPLACED,
    /** The UID existed and overwrite was not asked for: the index entry was left as it was. */
    ALREADY_PRESENT
}
