package org.studysupport.support;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The application in a JVM of its own, started from the test's class path (so that it needs no
 * packaged jar), on a PostgreSQL database, profile {@code postgres}, with the demo users on and
 * no demo data: a node a test can kill as an operating system would ({@link #kill}: SIGKILL,
 * no shutdown hook runs). Its output goes to a file under {@code target/}.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String MAIN_CLASS = "org.studysupport.StudySupportApplication";

    private final Process process;
    private final int port;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a node and returns once it answers its readiness probe.
     *
     * @param name     the node's id in the processors' token claims, and its log file's name
     * @param settings further settings as {@code name=value}
     */
    public static ApplicationProcess start(String jdbcUrl, String name, String... settings) {
        try {
            int port = freePort();
            List<String> arguments = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", classPath(), MAIN_CLASS,
                    "--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres",
                    "--study-support.security.demo-users=true",
                    "--study-support.demo-data.enabled=false",
                    "--study-support.data-dir=" + EmbeddedDatabase.dataDirectory(),
                    "--study-support.node-id=" + name,
                    "--disable-axoniq-console-message=true",
                    "--server.port=" + port));
            for (String setting : settings) {
                arguments.add("--" + setting);
            }
            // an argument file: the class path is longer than one command-line argument may be
            Path argumentFile = Files.createTempFile("study-support-node", ".args");
            Files.write(argumentFile, arguments.stream().map(ApplicationProcess::quoted).toList());
            argumentFile.toFile().deleteOnExit();
            Path log = Path.of("target", "node-" + name + "-" + System.currentTimeMillis() + ".log");
            Process process = new ProcessBuilder(javaCommand(), "@" + argumentFile)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ApplicationProcess node = new ApplicationProcess(process, port, log);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an application process", e);
        }
    }

    public int port() {
        return port;
    }

    public Api as(String user) {
        return Api.at(port, user);
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process with SIGKILL and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The application process " + pid() + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process with SIGTERM (a graceful shutdown) and waits until it is gone. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            // not listening yet (IOException): still starting
            await("the application process ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The application process ended while starting; see "
                                    + log);
                        }
                        return client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (ConditionTimeoutException notReady) {
            kill();
            throw new IllegalStateException("The application process was not ready within " + START_TIMEOUT
                    + "; see " + log, notReady);
        }
    }

    /** The class path the tests run with (Surefire hands the forked JVM a jar that only refers to it). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
