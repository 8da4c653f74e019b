package org.studysupport.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.studysupport.support.EmbeddedDatabase;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A log larger than the heap is chained at start (as a store from before the chain is) and exported
 * in full by an application whose heap is far smaller than the export: it streams, holding no more
 * than a fetch of rows at a time. The application runs in a JVM of its own, with {@code -Xmx128m}.
 */
class LargeLogSmallHeapTest {

    private static final int EVENTS = 120_000;
    private static final String HEAP = "-Xmx128m";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDITOR = "Basic " + Base64.getEncoder()
            .encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8));

    @Test
    void aLogLargerThanTheHeapIsChainedAtStartAndExportedInFull(@TempDir Path dataDir) throws Exception {
        String url = EmbeddedDatabase.newDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        storeEventsBehindTheChain(jdbc);
        long exportBytes = jdbc.queryForObject("select sum(length(payload) + length(meta_data))"
                + " from domain_event_entry", Long.class);
        assertThat(exportBytes).as("the log's payloads alone exceed the heap").isGreaterThan(128L << 20);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dataDir.resolve("application.log");
        Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), "org.studysupport.StudySupportApplication",
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--study-support.security.demo-users=true", "--study-support.demo-data.enabled=false",
                "--study-support.data-dir=" + dataDir, "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !application.isAlive() || healthy(client, port));
            assertThat(application.isAlive()).as("started; see %s", log).isTrue();

            long exportStarted = System.nanoTime();
            HttpResponse<InputStream> export = client.send(get(port, "/api/audit/events"),
                    HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            String last = null;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    last = line;
                }
            }
            double exportSeconds = (System.nanoTime() - exportStarted) / 1e9;
            long verifyStarted = System.nanoTime();
            JsonNode verify = JSON.readTree(client.send(get(port, "/api/audit/verify"),
                    HttpResponse.BodyHandlers.ofString()).body());

            System.out.printf("Exported %d events in %.1f s (%.0f events/s), verified in %.1f s, heap %s%n", lines,
                    exportSeconds, lines / exportSeconds, (System.nanoTime() - verifyStarted) / 1e9, HEAP);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(lines).isEqualTo(EVENTS);
            JsonNode lastLine = JSON.readTree(last);
            assertThat(lastLine.path("position").asLong())
                    .isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
            assertThat(lastLine.path("hash").asText()).isEqualTo(verify.path("head").asText());
            assertThat(verify.path("verified").asBoolean()).as("%s", verify).isTrue();
            assertThat(verify.path("events").asLong()).isEqualTo(EVENTS);
            assertThat(application.isAlive()).isTrue();
            List<String> output = Files.readAllLines(log);
            assertThat(output).noneMatch(line -> line.contains("OutOfMemoryError"));
        } finally {
            application.destroy();
            if (!application.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                application.destroyForcibly();
            }
        }
    }

    /**
     * Comment events of many requests, about 1.4 kB each, stored by SQL; the chain's head is then
     * marked as a store from before the chain is (its events to be chained at the next start).
     */
    private static void storeEventsBehindTheChain(JdbcTemplate jdbc) {
        jdbc.update("insert into domain_event_entry (global_index, sequence_number, aggregate_identifier,"
                + " event_identifier, payload_revision, payload_type, time_stamp, type, meta_data, payload)"
                + " select nextval('domain_event_global_index_seq'), 1, md5(g::text)::uuid::text,"
                + " md5('e' || g)::uuid::text, null, 'org.studysupport.api.request.CommentAdded',"
                + " to_char(timestamp '2021-01-01 00:00:00' + g * interval '1 millisecond',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), 'SupportRequest',"
                + " convert_to('{\"userId\":\"coordinator\",\"role\":\"COORDINATOR\",\"correlationId\":\"'"
                + " || md5(g::text) || '\"}', 'UTF8'),"
                + " convert_to('{\"requestId\":\"' || md5(g::text)::uuid || '\",\"commentId\":\"'"
                + " || md5('c' || g)::uuid || '\",\"text\":\"' || repeat('Lorem ipsum dolor sit amet ', 45) || g"
                + " || '\",\"visibility\":\"PUBLIC\",\"author\":\"coordinator\",\"dose\":1.50}', 'UTF8')"
                + " from generate_series(1, " + EVENTS + ") g");
        jdbc.update("update audit_chain_head set upgrade_until = (select max(global_index) from domain_event_entry)");
    }

    private static boolean healthy(HttpClient client, int port) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", AUDITOR).build();
    }
}
