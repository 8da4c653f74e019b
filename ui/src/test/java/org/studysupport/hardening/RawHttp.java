package org.studysupport.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.studysupport.support.ResponseValidation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * HTTP calls the {@code Api} helper cannot make: raw paths, bodies with or without a declared
 * length, any Content-Type or none, extra headers. The answer keeps the body as text, so that tests
 * can look at it byte for byte.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** An answer: status, headers and the body as text. */
    record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** How a body is sent: with its length declared, or chunked without one. */
    enum Framing { DECLARED_LENGTH, CHUNKED }

    Answer get(String user, String rawPath, Map<String, String> headers) {
        return send(request(user, rawPath, headers).GET());
    }

    /** A request with any method and no body. */
    Answer send(String user, String method, String rawPath) {
        return send(request(user, rawPath, Map.of()).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    Answer post(String user, String rawPath, String contentType, byte[] body, Framing framing) {
        HttpRequest.Builder request = request(user, rawPath, Map.of());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpRequest.BodyPublisher publisher = framing == Framing.DECLARED_LENGTH
                ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        return send(request.POST(publisher));
    }

    /** The Authorization header of an HTTP Basic sign-in. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpRequest.Builder request(String user, String rawPath, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", basic(user, "demo"));
        }
        headers.forEach(request::header);
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpRequest call = request.build();
            HttpResponse<String> response = CLIENT.send(call, HttpResponse.BodyHandlers.ofString());
            ResponseValidation.check(call.uri().getPort(), call.method(), call.uri().getRawPath(),
                    response.statusCode(), response.headers().map(),
                    response.body().getBytes(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError("the call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
