package org.studysupport.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application under test as a child process, exactly as deployed: {@code java -jar} on the
 * {@code postgres} profile, bearer tokens checked against the run's public key, demo users off.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final URI base;
    private final long startedNanos;

    private AppProcess(Process process, Path log, URI base, long startedNanos) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.startedNanos = startedNanos;
    }

    static AppProcess start(Path jar, Database database, Path publicKey, Path log, String maxHeap)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No application jar at " + jar + "; build it with mvn -DskipTests package");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + maxHeap, "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
        builder.environment().put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", database.user());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.password());
        builder.environment().put("STUDY_SUPPORT_DATA_DIR", log.getParent().resolve("app-data").toString());
        long started = System.nanoTime();
        Process process = builder.start();
        AppProcess app = new AppProcess(process, log, URI.create("http://localhost:" + port), started);
        Runtime.getRuntime().addShutdownHook(new Thread(app::kill, "bench-app-killer"));
        return app;
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    long startedNanos() {
        return startedNanos;
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the log's tail if the app dies or is too slow. */
    void awaitHealthy() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("The application exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw failure("The application was not healthy within " + START_LIMIT);
    }

    IllegalStateException failure(String message) {
        return new IllegalStateException(message + "; the end of its log (" + log + "):\n" + tail(60));
    }

    boolean alive() {
        return process.isAlive();
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Graceful stop (SIGTERM), then forced after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
