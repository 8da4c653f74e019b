package org.studysupport.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are "the database is out of reach" (503) and which are not (500 or a rule's own
 * answer), as they reach the problem handler: wrapped by Axon, translated by Spring, raised by
 * Hikari or the PostgreSQL driver. The shapes are those logged when a test stopped the database.
 */
class DatabaseUnavailableTest {

    @Test
    void aPoolThatFoundNoConnectionInTimeUnderAxonsTransactionIsUnavailable() {
        SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms",
                "08001", new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new ConnectException("Connection refused")));
        CannotCreateTransactionException noTransaction =
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", timedOut);

        assertThat(DatabaseUnavailable.causedBy(new CommandExecutionException("failed", noTransaction))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new QueryExecutionException("failed", noTransaction))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
    }

    @Test
    void aServerShuttingDownOrABrokenConnectionIsUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException(
                "An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void aRollbackOnTheConnectionHikariClosedAfterTheServerWentIsUnavailable() {
        JpaSystemException rollbackFailed = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(DatabaseUnavailable.causedBy(rollbackFailed)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}
