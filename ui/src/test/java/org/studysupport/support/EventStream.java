package org.studysupport.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real server-sent-events client on {@code GET /api/queues/stream}: reads the stream in a
 * background thread and keeps every event and comment line it receives.
 */
public final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event of the stream: its id, name and data (parsed as JSON). */
    public record Event(String id, String name, JsonNode data) {

        public String requestId() {
            return data.path("requestId").asText();
        }

        public String eventType() {
            return data.path("eventType").asText();
        }

        public long position() {
            return data.path("position").asLong();
        }
    }

    private final CompletableFuture<HttpResponse<InputStream>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile InputStream body;
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    private EventStream(CompletableFuture<HttpResponse<InputStream>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream as the demo user; {@code lastEventId} may be null. Does not wait for the answer. */
    public static EventStream open(int port, String user, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/queues/stream"))
                .header("Accept", "text/event-stream")
                .GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new EventStream(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public static EventStream open(int port, String user) {
        return open(port, user, null);
    }

    /**
     * The HTTP status. An open stream answers its headers with its first event or comment line, so
     * this waits for those.
     */
    public int status(Duration timeout) {
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (Exception e) {
            throw new AssertionError("no answer from the stream within " + timeout, e);
        }
    }

    public String contentType(Duration timeout) {
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).headers().firstValue("Content-Type")
                    .orElse(null);
        } catch (Exception e) {
            throw new AssertionError("no answer from the stream within " + timeout, e);
        }
    }

    /** Waits for the next event (received from now on, or already waiting) that matches; null if none came. */
    public Event await(Predicate<Event> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Event event : events) {
            if (matching.test(event)) {
                return event;
            }
        }
        arrivals.clear();
        for (Event event : events) {
            if (matching.test(event)) {
                return event;
            }
        }
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                Object arrival = arrivals.poll(left, TimeUnit.NANOSECONDS);
                if (arrival instanceof Event event && matching.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Like {@link #await} but fails when no matching event arrives in time. */
    public Event expect(Predicate<Event> matching, Duration timeout, String what) {
        Event event = await(matching, timeout);
        if (event == null) {
            throw new AssertionError("no event " + what + " within " + timeout + "; received: " + events);
        }
        return event;
    }

    /** Waits for a comment line (such as a heartbeat); null if none came. */
    public String awaitComment(Duration timeout) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> !comments.isEmpty());
        } catch (ConditionTimeoutException none) {
            return null;
        }
        return comments.get(0);
    }

    /**
     * Makes sure the stream is live: repeats the probe (a change the user may see) until an event
     * matching it arrives, since the server registers the stream only some time after it was opened.
     * Changes made shortly before the stream was opened may still arrive before this event; what
     * happens after it has a higher position.
     *
     * @return the probe's event
     */
    public Event sync(Runnable probe, Predicate<Event> probeEvent) {
        for (int attempt = 0; attempt < 20; attempt++) {
            probe.run();
            Event arrived = await(probeEvent, Duration.ofSeconds(1));
            if (arrived != null) {
                return arrived;
            }
        }
        throw new AssertionError("the stream never delivered the probe; received: " + events);
    }

    /** Every event received so far, in order. */
    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<Event> eventsAbout(String requestId) {
        return events.stream().filter(e -> e.requestId().equals(requestId)).toList();
    }

    /** The events about the request with a position after the given event's. */
    public List<Event> eventsAbout(String requestId, Event after) {
        return events.stream().filter(e -> e.requestId().equals(requestId) && e.position() > after.position())
                .toList();
    }

    /** The events with a position after the given event's. */
    public List<Event> eventsAfter(Event after) {
        return events.stream().filter(e -> e.position() > after.position()).toList();
    }

    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    @Override
    public void close() {
        response.cancel(true);
        InputStream stream = body;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        reader.interrupt();
    }

    private void read() {
        try {
            HttpResponse<InputStream> answer = response.get();
            body = answer.body();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data != null) {
                            Event event = new Event(id, name, JSON.readTree(data.toString()));
                            events.add(event);
                            arrivals.add(event);
                        }
                        id = null;
                        name = null;
                        data = null;
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1));
                        arrivals.add(line);
                    } else {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1);
                        if (value.startsWith(" ")) {
                            value = value.substring(1);
                        }
                        switch (field) {
                            case "id" -> id = value;
                            case "event" -> name = value;
                            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                            default -> {
                                // retry and unknown fields are ignored, as browsers do
                            }
                        }
                    }
                }
            }
        } catch (Exception closedOrFailed) {
            // the test closed the stream, or the server did
        } finally {
            ended.countDown();
        }
    }

    /** Whether the server ended the stream (or the connection broke) within the time. */
    public boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
