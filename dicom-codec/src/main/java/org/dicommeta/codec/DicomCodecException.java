package org.dicommeta.codec;

/** The root of every error the DICOM codec raises on purpose. Unchecked. */
public class DicomCodecException extends RuntimeException {

    /** An error with a message naming what failed. */
    public DicomCodecException(String message) {
        super(message);
    }

    /** An error with a message and the cause that led to it. */
    public DicomCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
