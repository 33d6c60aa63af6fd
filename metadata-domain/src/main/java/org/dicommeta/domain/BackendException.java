package org.dicommeta.domain;

/** The store failed in a way that retrying will not mend (schema mismatch, permission denied, disk full). */
public class BackendException extends MetadataException {

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
