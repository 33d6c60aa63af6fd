package org.dicommeta.domain;

/** Something named by the caller does not exist: an instance (by UID) or a source (by file or URI). */
public class NotFoundException extends MetadataException {

    private final String what;

    public NotFoundException(String message, String what) {
        super(message);
        this.what = what;
    }

    public NotFoundException(String message, String what, Throwable cause) {
        super(message, cause);
        this.what = what;
    }

    /** The UID, file or URI that was not found. */
    public String what() {
        return what;
    }
}
