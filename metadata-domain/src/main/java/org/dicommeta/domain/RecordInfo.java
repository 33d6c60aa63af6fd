package org.dicommeta.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The provenance of one stored metadata record.
 *
 * @param sopInstanceUid the instance the record belongs to
 * @param format         JSON or XML
 * @param flags          {@link RenderOptions#canonicalFlags()} of the options it was rendered with
 * @param codecVersion   the codec that rendered it
 * @param writtenAt      when it was stored
 * @param size           the number of bytes of the record as {@code get} returns it
 * @param sha256         lower-case hex SHA-256 of those bytes
 */
public record RecordInfo(String sopInstanceUid, MetadataFormat format, String flags, String codecVersion,
        Instant writtenAt, long size, String sha256) {

    public RecordInfo {
        Uids.requireSopInstanceUid(sopInstanceUid);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(codecVersion, "codecVersion");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
    }
}
