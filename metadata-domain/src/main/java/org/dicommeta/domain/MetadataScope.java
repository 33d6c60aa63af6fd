package org.dicommeta.domain;

import java.util.Locale;

/**
 * Which instances an operation considers, judged per {@link MetadataFormat}.
 *
 * <p>At every quiet moment, on every backend: {@code count(ALL) == count(EXISTING) + count(MISSING)}.
 */
public enum MetadataScope {
    /** Every stored instance. */
    ALL,
    /** Instances that have a record of the format. A generation run regenerates (replaces) them. */
    EXISTING,
    /** Instances that lack a record of the format. A generation run adds their records. */
    MISSING;

    /**
     * Parses a scope name in any case ("missing", "Missing", "MISSING").
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static MetadataScope parse(String name) {
        if (name != null) {
            for (MetadataScope s : values()) {
                if (s.name().equalsIgnoreCase(name.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("Unknown scope '" + name + "'; expected one of all, existing, missing");
    }

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
