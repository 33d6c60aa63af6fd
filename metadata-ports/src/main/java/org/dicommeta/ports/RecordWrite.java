package org.dicommeta.ports;

import java.util.Objects;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.RecordInfo;

/**
 * One record to write, with its provenance.
 *
 * @param info    provenance; its UID and format say where the record goes; its size and SHA-256 are of
 *                {@code content}
 * @param content the record's bytes, exactly what a later get must return (the store may compress them
 *                on the way, never change them)
 * @param mode    replace an existing record, or write only where none exists
 */
public record RecordWrite(RecordInfo info, byte[] content, Mode mode) {

    public enum Mode { REPLACE, IF_ABSENT }

    public RecordWrite {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mode, "mode");
        if (info.size() != content.length) {
            throw new IllegalArgumentException("provenance size " + info.size() + " != content length "
                    + content.length + " for " + info.sopInstanceUid());
        }
    }

    public String sopInstanceUid() {
        return info.sopInstanceUid();
    }

    public MetadataFormat format() {
        return info.format();
    }
}
