package org.dicommeta.codec;

/**
 * The input is not DICOM or is malformed: truncated, a length past the end, an unknown VR, nesting
 * deeper than allowed, a decompression bomb. The message names the source and the byte offset.
 */
public class InvalidDicomException extends DicomCodecException {

    private final String source;
    private final long offset;

    /**
     * @param source the file name, URI or "stream" the bytes came from
     * @param offset the byte offset in the source where the problem was found, -1 when not applicable
     * @param problem what is wrong, without the source and offset (they are added)
     */
    public InvalidDicomException(String source, long offset, String problem) {
        this(source, offset, problem, null);
    }

    /** As {@link #InvalidDicomException(String, long, String)}, with the cause. */
    public InvalidDicomException(String source, long offset, String problem, Throwable cause) {
        super(format(source, offset, problem), cause);
        this.source = source == null ? "stream" : source;
        this.offset = offset;
    }

    private static String format(String source, long offset, String problem) {
        String where = source == null ? "stream" : source;
        return offset >= 0
                ? "Invalid DICOM in " + where + " at byte offset " + offset + ": " + problem
                : "Invalid DICOM in " + where + ": " + problem;
    }

    /** The byte offset in the source where the problem was found, -1 when not applicable. */
    public long offset() {
        return offset;
    }

    /** The file name, URI or "stream" the bytes came from. */
    public String source() {
        return source;
    }
}
