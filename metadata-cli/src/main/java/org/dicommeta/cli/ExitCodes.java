package org.dicommeta.cli;

import java.io.UncheckedIOException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.InvalidUidException;
import org.dicommeta.domain.UnsupportedStoreUriException;

/**
 * The process exit codes of {@code dicom-metadata}, part of its interface to scripts.
 *
 * <table>
 * <caption>Exit codes</caption>
 * <tr><th>code</th><th>meaning</th></tr>
 * <tr><td>0</td><td>success</td></tr>
 * <tr><td>1</td><td>finished, but some instances or files failed (each reported on standard error)</td></tr>
 * <tr><td>2</td><td>usage error: unknown or missing options, bad values, an invalid UID, a store URI no
 *     installed backend accepts</td></tr>
 * <tr><td>3</td><td>the backend is unavailable (connection refused or lost); retrying later may work</td></tr>
 * <tr><td>4</td><td>any other error: a record or instance not found, no store at the {@code file:} path a reading
 *     command (count, exists, get) names, a backend error, an I/O error</td></tr>
 * <tr><td>130</td><td>a generation run was cancelled (Ctrl-C); what was written is kept</td></tr>
 * </table>
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;
    public static final int BACKEND_UNAVAILABLE = 3;
    public static final int ERROR = 4;
    /** 128 + SIGINT, as shells report a process ended by Ctrl-C. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }

    /** The exit code for an exception that ended a command. */
    static int of(Throwable e) {
        if (e instanceof BackendUnavailableException) {
            return BACKEND_UNAVAILABLE;
        }
        if (e instanceof UnsupportedStoreUriException || e instanceof InvalidUidException
                || e instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause());
        }
        return ERROR;
    }
}
