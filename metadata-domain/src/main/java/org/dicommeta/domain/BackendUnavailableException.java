package org.dicommeta.domain;

/**
 * The store cannot be reached now (connection refused or lost, timeout, failover). Transient: the same
 * call may succeed later. The operation that raised it wrote nothing, or wrote its whole batch.
 */
public class BackendUnavailableException extends BackendException {

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
