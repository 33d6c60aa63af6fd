package org.dicommeta.domain;

/**
 * The root of every failure the library reports. Unchecked; its message names the SOP Instance UID,
 * file or URI involved, with passwords masked ({@link Secrets#mask(String)}).
 */
public class MetadataException extends RuntimeException {

    public MetadataException(String message) {
        super(message);
    }

    public MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
