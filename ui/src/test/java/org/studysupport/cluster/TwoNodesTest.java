package org.studysupport.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one PostgreSQL database. Node A starts first and holds every segment of
 * the catch-up processor until it hands half of them to node B. B's stream clients hear of changes
 * made through node A, and B's actions answer with their own effect at once, whatever segments it
 * holds: the view is written in each command's transaction, on whichever node handles it.
 */
class TwoNodesTest {

    private static final int STREAM_OPEN_SECONDS = 20;
    private static final String SEGMENT_OWNERS =
            "select owner from token_entry where processor_name = 'request-view-catch-up' order by owner";

    @Test
    void eachNodeSeesWhatTheOtherChangedInItsStreamAndAnswers() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        try (RunningApplication a = RunningApplication.onPostgres(database, Map.of("study-support.node-id", "node-a"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> a.jdbc().queryForList(
                    "select owner from token_entry where processor_name = 'request-view-catch-up' and owner = 'node-a'",
                    String.class).size() == 4);
            try (RunningApplication b = RunningApplication.onPostgres(database,
                    Map.of("study-support.node-id", "node-b"))) {
                BlockingQueue<String> streamOnB = openStream(b.port(), "coordinator");

                String throughA = a.as("investigator1").post("/api/requests",
                        Api.submission("Submitted through node A", "MONITORING")).text("id");
                assertThat(nextLineContaining(streamOnB, throughA)).as("node B's stream hears of node A's change")
                        .contains("\"status\":\"SUBMITTED\"");

                Api.Answer acceptedOnB = b.as("coordinator").post("/api/requests/" + throughA + "/accept",
                        Map.of("priority", "HIGH"));
                assertThat(acceptedOnB.status()).isEqualTo(200);
                assertThat(acceptedOnB.text("status")).isEqualTo("ACCEPTED");
                Api.Answer submittedOnB = b.as("investigator2").post("/api/requests",
                        Api.submission("Submitted through node B", "BIOSTATISTICS"));
                assertThat(submittedOnB.status()).as("answered with the view, not as not-yet-readable")
                        .isEqualTo(201);

                assertThat(b.as("coordinator").get("/api/requests/" + submittedOnB.text("id")).text("title"))
                        .isEqualTo("Submitted through node B");
                assertThat(a.as("coordinator").get("/api/requests/" + throughA).text("status"))
                        .as("node A reads what node B changed").isEqualTo("ACCEPTED");
                assertThat(b.bean(MeterRegistry.class).counter("study_support.answers.not_yet_readable").count())
                        .as("node B never answered without its change").isZero();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        b.jdbc().queryForList(SEGMENT_OWNERS, String.class)).as("node A shared its segments with B")
                        .containsExactly("node-a", "node-a", "node-b", "node-b"));
            }
        }
    }

    /** Returns once the stream is open (its response headers arrived); lines then arrive in the queue. */
    private static BlockingQueue<String> openStream(int port, String user) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/queues/stream"))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(STREAM_OPEN_SECONDS, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            }
        }, "stream-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String nextLineContaining(BlockingQueue<String> lines, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no stream line about " + text + "; received " + List.copyOf(lines));
    }
}
