package org.dicommeta.domain;

import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;

/**
 * The metadata records of one format. Obtained from {@link MetadataAgent#records(MetadataFormat)};
 * thread-safe. Every UID argument is validated first ({@link InvalidUidException}).
 */
public interface MetadataRecords {

    MetadataFormat format();

    /** True iff a record of this format exists for the instance. */
    boolean exists(String sopInstanceUid);

    /**
     * The number of instances in the scope: ALL = instances, EXISTING = instances with a record of this
     * format, MISSING = instances without one. {@code ALL = EXISTING + MISSING} at every quiet moment.
     */
    long count(MetadataScope scope);

    /** The record exactly as stored, or empty. */
    Optional<byte[]> get(String sopInstanceUid);

    /** The record as UTF-8 text, or empty. */
    Optional<String> getText(String sopInstanceUid);

    /** The record as a stream, for large records; the caller closes it. */
    Optional<InputStream> openStream(String sopInstanceUid);

    /** The record's provenance, or empty. */
    Optional<RecordInfo> info(String sopInstanceUid);

    /**
     * Renders {@code dataSet} and stores it as the record of {@code sopInstanceUid}.
     *
     * @return {@link WriteOutcome#NOT_WRITTEN_EXISTS} when a record exists and {@code overwrite} is false
     * @throws InstanceNotFoundException when no instance has that UID; nothing is written
     */
    WriteOutcome store(org.dicommeta.codec.DataSet dataSet, String sopInstanceUid, RenderOptions options,
            boolean overwrite);

    /** Deletes the records of these instances; returns how many existed. Unknown UIDs are not an error. */
    long delete(Collection<String> sopInstanceUids);

    /** Deletes every record of this format; instances stay, so afterwards MISSING = ALL. */
    long deleteAll();
}
