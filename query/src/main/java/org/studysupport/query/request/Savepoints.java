package org.studysupport.query.request;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * Runs writes in a savepoint of the current transaction, on the connection the read tables are
 * written with, so that a failed statement undoes only those writes and leaves the transaction
 * usable. On PostgreSQL a failed statement otherwise aborts the whole transaction, and whatever
 * should follow in it (Axon parking the event as a dead letter, storing the processor's token)
 * fails too. Spring's nested transactions are not available here: the JPA transaction manager with
 * Hibernate does not offer savepoints, so they are set on the JDBC connection itself.
 */
@Component
public class Savepoints {

    private final JdbcTemplate jdbc;

    public Savepoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return what the work returned; when it throws, its writes are rolled back to the savepoint
     * and the exception is thrown on. Outside a transaction the work runs as it is.
     */
    public <T> T isolated(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Savepoint savepoint = onConnection(Connection::setSavepoint);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failed) {
            try {
                onConnection(connection -> {
                    connection.rollback(savepoint);
                    return null;
                });
            } catch (RuntimeException rollbackFailed) {
                failed.addSuppressed(rollbackFailed);
            }
            throw failed;
        }
        onConnection(connection -> {
            connection.releaseSavepoint(savepoint);
            return null;
        });
        return result;
    }

    /** On the transaction's connection; an {@code SQLException} becomes Spring's {@code DataAccessException}. */
    private <T> T onConnection(ConnectionCallback<T> work) {
        return jdbc.execute(work);
    }
}
