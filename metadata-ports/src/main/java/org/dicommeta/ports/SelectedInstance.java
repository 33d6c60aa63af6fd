package org.dicommeta.ports;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.MetadataFormat;

/**
 * One instance of a scope's selection, with the formats the scope selects it for (with two formats
 * the scope is judged per format: an instance with JSON but no XML is selected by MISSING for XML only).
 */
public record SelectedInstance(Instance instance, Set<MetadataFormat> formats) {

    public SelectedInstance {
        Objects.requireNonNull(instance, "instance");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("a selected instance names at least one format");
        }
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    public String sopInstanceUid() {
        return instance.sopInstanceUid();
    }
}
