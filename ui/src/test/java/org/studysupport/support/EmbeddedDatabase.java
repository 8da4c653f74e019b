package org.studysupport.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started from a Maven artifact (no installation), with a
 * fresh database for whoever asks for one.
 */
public final class EmbeddedDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final long APPLICATION_SHUTDOWN_WAIT_MILLIS = 60_000;
    private static final long HOOKS_START_MILLIS = 300;
    private static EmbeddedPostgres server;
    private static String dataDirectory;

    private EmbeddedDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopAfterApplications,
                    "embedded-postgres-stopper"));
        }
        return server;
    }

    /**
     * Shutdown hooks run in parallel: stopping the database while Spring still closes the test
     * applications would leave their processors waiting on connections. Let them finish first.
     */
    private static void stopAfterApplications() {
        try {
            // all hooks are started together: give Spring's a moment to appear before looking for them
            try {
                Awaitility.await().atMost(Duration.ofMillis(HOOKS_START_MILLIS))
                        .until(() -> springShutdownHook() != null);
            } catch (ConditionTimeoutException noSpringApplicationOpen) {
                // nothing to wait for
            }
            long deadline = System.currentTimeMillis() + APPLICATION_SHUTDOWN_WAIT_MILLIS;
            for (Thread hook = springShutdownHook(); hook != null && System.currentTimeMillis() < deadline;
                 hook = springShutdownHook()) {
                hook.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }

    private static Thread springShutdownHook() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("SpringContextShutdownHook")
                        || thread.getName().startsWith("SpringApplicationShutdownHook"))
                .findFirst().orElse(null);
    }

    /**
     * Points a test application at the database: profile {@code postgres} credentials, the demo
     * users on (the tests sign in as them), no demo data (the tests make their own), a temporary
     * data directory.
     */
    public static void registerApplicationOn(DynamicPropertyRegistry registry, String jdbcUrl) {
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("study-support.security.demo-users", () -> "true");
        registry.add("study-support.demo-data.enabled", () -> "false");
        registry.add("study-support.data-dir", EmbeddedDatabase::dataDirectory);
    }

    /**
     * The privacy master key of the test JVM's data directory, generated there at the first call.
     * Nodes that stand for machines of their own, each with its own data directory, are given this
     * file, as every node of one installation must share the master key.
     */
    public static String sharedMasterKeyFile() {
        java.nio.file.Path directory = java.nio.file.Path.of(dataDirectory());
        org.studysupport.privacy.MasterKeys.load(null, directory);
        return directory.resolve(org.studysupport.privacy.MasterKeys.DEFAULT_FILE).toString();
    }

    /**
     * A temporary data directory for the test JVM (where the audit signing key is generated), so
     * that tests never write into the working tree.
     */
    public static synchronized String dataDirectory() {
        if (dataDirectory == null) {
            try {
                java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("study-support-test-data");
                directory.toFile().deleteOnExit();
                dataDirectory = directory.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary data directory", e);
            }
        }
        return dataDirectory;
    }

    /** Creates a new, empty database and returns its JDBC URL (user and password: postgres). */
    public static String newDatabase() {
        String name = "study_support_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
