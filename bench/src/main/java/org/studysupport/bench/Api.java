package org.studysupport.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's public HTTP API as a client sees it: JSON over HTTP/1.1 with a bearer token.
 * Counts every 5xx answer and every failed exchange: those make the run fail.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient client;
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong transportErrors = new AtomicLong();
    private volatile String lastError;

    Api(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An answer, and how long it took from sending to the whole body read. */
    record Answer(int status, String body, long nanos, String location) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    Answer post(String path, String token, Object body) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            return send(request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A streamed answer (server-sent events, JSON Lines); the caller reads and closes the body. */
    HttpResponse<InputStream> stream(String path, String token, String accept, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    long serverErrors() {
        return serverErrors.get();
    }

    long transportErrors() {
        return transportErrors.get();
    }

    String lastError() {
        return lastError;
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - started;
            if (response.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                lastError = request.method() + " " + request.uri().getPath() + " → " + response.statusCode() + " "
                        + abbreviate(response.body());
            }
            return new Answer(response.statusCode(), response.body(), nanos,
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            transportErrors.incrementAndGet();
            lastError = request.method() + " " + request.uri().getPath() + " → " + e;
            return new Answer(-1, e.toString(), System.nanoTime() - started, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", System.nanoTime() - started, null);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
