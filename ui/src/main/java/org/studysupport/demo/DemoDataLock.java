package org.studysupport.demo;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Lets one node at a time look whether the store is empty and fill it, so that nodes starting
 * together on an empty PostgreSQL database load the demo data once. On PostgreSQL it is a
 * transaction-scoped advisory lock, held on a connection of its own while the loader's commands run
 * on others: a node that dies while loading releases it with its connection. The embedded H2 file
 * database serves one process only, so there it does nothing.
 */
final class DemoDataLock {

    /** The advisory lock's key: any number no other part of the application locks. */
    static final long KEY = 7_373_001L;

    private final DataSource dataSource;

    DemoDataLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void whileHolding(Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                work.run();
                return;
            }
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, KEY);
                    lock.execute();
                }
                work.run();
            } finally {
                // ending the transaction releases the lock; it wrote nothing
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the demo data lock", e);
        }
    }
}
