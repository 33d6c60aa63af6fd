package org.dicommeta.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The answer to a store-instance call.
 *
 * @param sopInstanceUid the instance's SOP Instance UID
 * @param instance       what happened to the index entry
 * @param metadata       per rendered format, whether a record was written (empty when none was asked for)
 */
public record StoreResult(String sopInstanceUid, InstanceOutcome instance, Map<MetadataFormat, WriteOutcome> metadata) {

    public StoreResult {
        metadata = metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(metadata));
    }
}
