package org.dicommeta.domain;

/**
 * A source is not valid DICOM: not a Part 10 file, truncated, or malformed. Names the source and,
 * where known, the byte offset at which reading failed.
 */
public class InvalidDicomException extends MetadataException {

    private final String source;
    private final long offset;

    public InvalidDicomException(String source, long offset, String reason, Throwable cause) {
        super("Invalid DICOM in " + Secrets.mask(source) + (offset >= 0 ? " at byte offset " + offset : "") + ": "
                + Secrets.mask(reason), cause);
        this.source = Secrets.mask(source);
        this.offset = offset;
    }

    public String source() {
        return source;
    }

    /** The byte offset at which reading failed, or -1 when unknown. */
    public long offset() {
        return offset;
    }
}
