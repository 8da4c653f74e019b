package org.studysupport.query.audit.log;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Statements that stream the log: forward only, a fetch size (inside a transaction PostgreSQL then
 * sends rows a fetch at a time instead of the whole result), and on PostgreSQL rows in binary form
 * from the first execution, so that payloads arrive as their bytes rather than as hex text twice
 * their size.
 */
final class Cursors {

    /** Rows fetched from the database at a time. */
    static final int FETCH_SIZE = 1000;
    /** In PostgreSQL's driver, a negative threshold prepares on the server at once, with binary transfer. */
    private static final int PREPARE_AT_ONCE_IN_BINARY = -1;

    private Cursors() {
    }

    static PreparedStatement open(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        if (isPostgres(statement)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(PREPARE_AT_ONCE_IN_BINARY);
        }
        return statement;
    }

    private static boolean isPostgres(PreparedStatement statement) {
        try {
            return statement.isWrapperFor(PGStatement.class);
        } catch (SQLException | LinkageError notPostgres) {
            return false;
        }
    }
}
