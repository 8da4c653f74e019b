package org.studysupport.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Another reader: a coordinator's live queue stream ({@code GET /api/queues/stream}, server-sent
 * events), kept open on its own thread, noting when each {@code queue-change} arrives. Reconnects
 * with {@code Last-Event-ID} if the server closes it.
 */
final class QueueStream implements AutoCloseable {

    /** One change as it arrived. */
    record Change(UUID requestId, Instant occurredAt, String eventType, long arrivedNanos) {
    }

    private final Api api;
    private final String token;
    private final Map<UUID, List<Change>> byRequest = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean open = true;
    private volatile InputStream body;
    private volatile String lastEventId;
    private volatile int received;
    private volatile String problem;

    QueueStream(Api api, String token) {
        this.api = api;
        this.token = token;
        this.reader = new Thread(this::read, "queue-stream");
        reader.setDaemon(true);
        reader.start();
    }

    int received() {
        return received;
    }

    String problem() {
        return problem;
    }

    /** The changes of the request that arrived so far, in arrival order. */
    List<Change> changesOf(UUID requestId) {
        List<Change> changes = byRequest.get(requestId);
        if (changes == null) {
            return List.of();
        }
        synchronized (changes) {
            return new ArrayList<>(changes);
        }
    }

    private void read() {
        while (open) {
            try {
                HttpResponse<InputStream> response = api.stream("/api/queues/stream", token, "text/event-stream", lastEventId);
                if (response.statusCode() != 200) {
                    problem = "the stream answered " + response.statusCode();
                    response.body().close();
                    return;
                }
                body = response.body();
                readEvents(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
            } catch (Exception e) {
                if (open) {
                    problem = "the stream broke: " + e;
                    sleep();
                }
            }
        }
    }

    private void readEvents(BufferedReader lines) throws Exception {
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null && open; line = lines.readLine()) {
            if (line.isEmpty()) {
                if ("queue-change".equals(name) && !data.isEmpty()) {
                    arrived(Api.JSON.readTree(data.toString()), System.nanoTime());
                }
                name = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            } else if (line.startsWith("id:")) {
                lastEventId = line.substring(3).trim();
            }
        }
    }

    private void arrived(JsonNode change, long nanos) {
        UUID requestId = UUID.fromString(change.path("requestId").asText());
        String occurred = change.path("occurredAt").asText(null);
        Instant occurredAt = occurred == null ? null : Instant.parse(occurred).truncatedTo(ChronoUnit.MILLIS);
        List<Change> changes = byRequest.computeIfAbsent(requestId, id -> new ArrayList<>());
        synchronized (changes) {
            changes.add(new Change(requestId, occurredAt, change.path("eventType").asText(), nanos));
        }
        received++;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            if (body != null) {
                body.close();
            }
        } catch (Exception ignored) {
            // closing anyway
        }
        reader.interrupt();
    }
}
