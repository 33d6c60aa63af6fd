package org.dicommeta.domain;

/** Another process holds the store open for writing. */
public class StoreLockedException extends BackendException {

    public StoreLockedException(String message) {
        super(message);
    }
}
