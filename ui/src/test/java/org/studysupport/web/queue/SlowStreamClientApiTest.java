package org.studysupport.web.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.ApiTest;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.EventStream;
import org.studysupport.support.EventStream.Event;
import org.studysupport.support.Workflow;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stream clients that stop reading cost only their own streams. Several raw-socket clients open the
 * stream and never read again while changes flow; the server's socket send buffers are set small
 * here (and the clients' receive buffers), so that a few dozen events fill everything between the
 * server and such a client, and each client may fall {@value #BACKLOG} changes behind. A reading
 * client still gets every change promptly and the actions answer; each stuck client is dropped,
 * receives a last {@code resume} event once it reads again, and resuming from it loses nothing.
 */
@Import(SlowStreamClientApiTest.SmallSocketBuffers.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SlowStreamClientApiTest extends ApiTest {

    private static final int BACKLOG = 20;
    private static final int STUCK_CLIENTS = 3;
    private static final int CHANGES = 200;
    private static final int SEND_BUFFER_BYTES = 4096;
    private static final int RECEIVE_BUFFER_BYTES = 1024;
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN_DATABASE = EmbeddedDatabase.newDatabase();

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, OWN_DATABASE);
        registry.add("study-support.live-updates.client-backlog", () -> Integer.toString(BACKLOG));
    }

    @TestConfiguration
    static class SmallSocketBuffers {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory -> factory.addConnectorCustomizers(connector ->
                    connector.setProperty("socket.txBufSize", Integer.toString(SEND_BUFFER_BYTES)));
        }
    }

    private static Predicate<Event> about(String requestId, String eventType) {
        return event -> event.requestId().equals(requestId) && event.eventType().equals(eventType);
    }

    @Test
    void clientsThatStopReadingAreDroppedWhileReadingClientsAndActionsGoOn() throws Exception {
        Workflow flow = new Workflow(port);
        String probe = flow.submit("investigator1", "Slow clients probe " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        String busy = flow.submit("investigator1", "Slow clients " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        List<RawStream> stuck = new ArrayList<>();
        try (EventStream reading = EventStream.open(port, "coordinator")) {
            for (int i = 0; i < STUCK_CLIENTS; i++) {
                stuck.add(RawStream.openAndStopReading(port, "coordinator"));
            }
            Event synced = reading.sync(() -> flow.comment("coordinator", probe, "probe", "PUBLIC"),
                    about(probe, "CommentAdded"));

            long slowestAction = 0;
            for (int n = 0; n < CHANGES; n++) {
                long start = System.nanoTime();
                flow.comment("coordinator", busy, "comment " + n + " while three clients read nothing", "PUBLIC");
                slowestAction = Math.max(slowestAction, System.nanoTime() - start);
            }
            long lastAnswered = System.nanoTime();
            await().atMost(PROMPTLY).until(() -> reading.eventsAbout(busy, synced).size() >= CHANGES);
            assertThat(Duration.ofNanos(System.nanoTime() - lastAnswered)).as("the last change reached the reader")
                    .isLessThan(PROMPTLY);
            assertThat(Duration.ofNanos(slowestAction)).as("the slowest action").isLessThan(PROMPTLY);
            List<Long> positions = reading.eventsAbout(busy, synced).stream().map(Event::position).toList();
            assertThat(positions).hasSize(CHANGES).isSorted().doesNotHaveDuplicates();
            assertThat(meters.counter("study_support.stream.dropped_clients").count())
                    .as("every client that stopped reading was dropped").isEqualTo(STUCK_CLIENTS);
            // still served: a change after the drops
            flow.comment("coordinator", busy, "after the drops", "PUBLIC");
            reading.expect(event -> event.requestId().equals(busy) && event.position() > positions.get(CHANGES - 1),
                    PROMPTLY, "after the drops");

            for (RawStream client : stuck) {
                List<RawEvent> events = client.readToTheEnd();
                RawEvent last = events.get(events.size() - 1);
                assertThat(last.name()).as("the last event tells the client to resume").isEqualTo("resume");
                String resumeFrom = last.data().path("lastEventId").asText();
                assertThat(last.id()).isEqualTo(resumeFrom);
                // the changes of the busy request from the first comment on (its submission's may be there too)
                List<Long> beforeTheDrop = events.subList(0, events.size() - 1).stream()
                        .filter(event -> event.data().path("requestId").asText().equals(busy))
                        .map(event -> event.data().path("position").asLong())
                        .filter(position -> position > synced.position()).toList();
                assertThat(beforeTheDrop).as("some were sent, not all").isNotEmpty().hasSizeLessThan(CHANGES);
                try (EventStream resumed = EventStream.open(port, "coordinator", resumeFrom)) {
                    resumed.expect(event -> event.position() == positions.get(CHANGES - 1), PROMPTLY,
                            "up to the last change before the drop");
                    List<Long> all = new ArrayList<>(beforeTheDrop);
                    resumed.eventsAbout(busy).stream().map(Event::position)
                            .filter(position -> position > synced.position() && position <= positions.get(CHANGES - 1))
                            .forEach(all::add);
                    assertThat(all).as("before the drop and after resuming: each change once")
                            .containsExactlyElementsOf(positions);
                }
            }
        } finally {
            for (RawStream client : stuck) {
                client.close();
            }
        }
    }

    /** An event as a raw client read it. */
    record RawEvent(String id, String name, JsonNode data) {
    }

    /**
     * A stream client on a plain socket with a small receive buffer: it reads the response headers
     * and the greeting, then nothing until the test asks it to read to the end of the stream.
     */
    static final class RawStream implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        private RawStream(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        static RawStream openAndStopReading(int port, String user) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.setSoTimeout(15_000);
            String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/queues/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Basic " + credentials + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawStream stream = new RawStream(socket);
            String status = stream.line();
            assertThat(status).startsWith("HTTP/1.1 200");
            for (String header = stream.line(); !header.isEmpty(); header = stream.line()) {
                assertThat(header.toLowerCase()).doesNotStartWith("content-length");
            }
            assertThat(stream.chunk()).contains(":connected");
            return stream;
        }

        /** Reads every chunk up to the end of the response and parses its events. */
        List<RawEvent> readToTheEnd() throws IOException {
            StringBuilder body = new StringBuilder();
            for (String chunk = chunk(); chunk != null; chunk = chunk()) {
                body.append(chunk);
            }
            List<RawEvent> events = new ArrayList<>();
            for (String block : body.toString().split("\n\n")) {
                String id = null;
                String name = null;
                String data = null;
                for (String line : block.split("\n")) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6);
                    } else if (line.startsWith("data:")) {
                        data = line.substring(5);
                    }
                }
                if (data != null) {
                    events.add(new RawEvent(id, name, JSON.readTree(data)));
                }
            }
            return events;
        }

        /** The next chunk of the chunked body; null at its end. */
        private String chunk() throws IOException {
            int size = Integer.parseInt(line().trim(), 16);
            if (size == 0) {
                return null;
            }
            byte[] bytes = in.readNBytes(size);
            line();
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("the connection ended within a line: " + line);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
