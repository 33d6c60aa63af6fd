package org.dicommeta.adapter.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.Secrets;

/**
 * Translates {@link SQLException}s into the domain's exceptions, so that no driver type crosses the port,
 * and masks any password in what it passes on.
 *
 * <p>Transient (retrying may succeed): SQLState class 08 (connection exception), 53 (insufficient
 * resources, e.g. too many connections), 57P01/57P02/57P03 (administrator or crash shutdown, cannot connect
 * now), 57014 (query cancelled, which is how a statement timeout ends), 40001 (serialization failure) and
 * 40P01 (deadlock), and whatever the driver or pool marks transient or recoverable (a pool that timed out
 * waiting for a connection). Every other failure is a {@link BackendException}.
 */
final class SqlErrors {

    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "57014", "40001", "40P01");

    private SqlErrors() {
    }

    static boolean isTransient(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            if (x instanceof SQLTransientException || x instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The domain exception for {@code e}.
     *
     * @param what  the operation, naming its UID or count ("putRecords of 200 records (first 1.2.3)")
     * @param store the masked description of the store
     */
    static BackendException translate(String what, String store, SQLException e) {
        String state = e.getSQLState();
        String message = what + " failed on " + store + ": " + Secrets.mask(String.valueOf(e.getMessage()))
                + (state == null ? "" : " [SQLState " + state + "]");
        Throwable cause = masked(e);
        return isTransient(e) ? new BackendUnavailableException(message, cause) : new BackendException(message, cause);
    }

    /**
     * The exception itself when its messages carry no secret, else a copy whose message is masked, so that
     * a stack trace printed by a caller leaks nothing either.
     */
    static Throwable masked(Throwable e) {
        boolean clean = true;
        for (Throwable t = e; t != null && clean; t = t.getCause()) {
            String m = t.getMessage();
            clean = m == null || m.equals(Secrets.mask(m));
            if (t.getCause() == t) {
                break;
            }
        }
        if (clean) {
            return e;
        }
        SQLException copy = new SQLException(Secrets.mask(String.valueOf(e.getMessage())),
                e instanceof SQLException s ? s.getSQLState() : null);
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e) {
            copy.initCause(masked(e.getCause()));
        }
        return copy;
    }
}
