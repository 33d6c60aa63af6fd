package org.dicommeta.adapter.mongo;

import com.mongodb.MongoClientException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.function.Supplier;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.Secrets;

/** Translates the driver's exceptions into the domain's at the port boundary. */
final class MongoErrors {

    private MongoErrors() {
    }

    static <T> T call(String where, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw translate(where, what, e);
        }
    }

    static RuntimeException translate(String where, String what, MongoException e) {
        String message = "MongoDB " + Secrets.mask(where) + ": " + what + " failed: " + Secrets.mask(e.getMessage());
        if (isTransient(e)) {
            return new BackendUnavailableException(message, e);
        }
        return new BackendException(message, e);
    }

    static boolean isTransient(MongoException e) {
        return e instanceof MongoSocketException
                || e instanceof MongoTimeoutException
                || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException
                || (e instanceof MongoClientException && e.getMessage() != null
                        && e.getMessage().contains("state should be: open"))
                || e.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                || e.hasErrorLabel("RetryableWriteError");
    }
}
