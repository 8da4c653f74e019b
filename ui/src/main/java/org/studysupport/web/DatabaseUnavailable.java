package org.studysupport.web;

import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, the network
 * down, every pooled connection waited for in vain) from any other failure: the former is
 * answered 503 with {@code Retry-After}, because the same request will succeed once the database
 * is back, and it is no fault of the application's code.
 *
 * <p>The cause is looked for along the whole chain: Axon wraps what its transaction manager or
 * event store threw (in a command's or a query's execution exception), Spring translates the JDBC
 * failure into its own exceptions, Hikari reports a pool that found no connection in time as an
 * {@link SQLTransientConnectionException}.
 */
public final class DatabaseUnavailable {

    /** SQLSTATE class 08: connection exception (refused, broken, lost in the middle of a statement). */
    private static final String CONNECTION_EXCEPTION = "08";
    /** SQLSTATE 57P01-57P03: the server is shutting down, crashed, or cannot accept connections yet. */
    private static final String SERVER_GOING_OR_STARTING = "57P0";
    /**
     * What Hikari's proxy says, without an SQLSTATE, when a connection it closed after a fatal
     * error (the server gone) is used again in the transaction that held it, e.g. by its rollback.
     */
    private static final String POOLED_CONNECTION_CLOSED = "Connection is closed";

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or anything in its chain of causes, says the database is out of reach. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (isOutOfReach(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutOfReach(Throwable cause) {
        if (cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof JDBCConnectionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state == null ? POOLED_CONNECTION_CLOSED.equals(sql.getMessage())
                    : state.startsWith(CONNECTION_EXCEPTION) || state.startsWith(SERVER_GOING_OR_STARTING);
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }
}
