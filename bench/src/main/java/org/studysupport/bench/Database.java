package org.studysupport.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL server of the run: an embedded one (a Maven artifact, data in a temporary folder)
 * unless a JDBC URL of an existing, empty database is given.
 */
final class Database implements AutoCloseable {

    private static final String DATABASE = "study_support";

    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, Path dataDirectory, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    static Database start(Options options) throws IOException, SQLException {
        if (options.jdbcUrl() != null) {
            Database external = new Database(null, null, options.jdbcUrl(), options.user(), options.password());
            external.requireEmptyStore();
            return external;
        }
        Path data = Files.createTempDirectory("bench-pg-");
        // PostgreSQL's own default durability (zonky turns synchronous_commit off for tests)
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300")
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        }
        return new Database(server, data, server.getJdbcUrl("postgres", DATABASE), "postgres", "postgres");
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean embedded() {
        return embedded != null;
    }

    /** A plain connection, with multi-row rewriting of JDBC batches. */
    Connection connect() throws SQLException {
        String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        return DriverManager.getConnection(url, user, password);
    }

    long queryLong(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void requireEmptyStore() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select to_regclass('domain_event_entry') is not null")) {
            rows.next();
            if (rows.getBoolean(1) && queryLong("select count(*) from domain_event_entry") > 0) {
                throw new IllegalStateException("The database at " + jdbcUrl + " already holds events;"
                        + " the benchmark needs an empty database");
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            if (!Files.exists(dataDirectory)) {
                return;
            }
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
