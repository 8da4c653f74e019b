package org.studysupport.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import javax.sql.DataSource;

/**
 * A small pool of connections to the application's database for drawing reference numbers only
 * (see {@link org.studysupport.command.reference.DatabaseReferenceNumbers}). Deliberately not a
 * {@code DataSource} bean, which would replace the application's own.
 */
public final class ReferenceCounterConnections implements AutoCloseable {

    private static final int SIZE = 2;

    private final HikariDataSource pool;

    ReferenceCounterConnections(DataSourceProperties database) {
        pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("reference-counter");
        pool.setMaximumPoolSize(SIZE);
        pool.setMinimumIdle(1);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
