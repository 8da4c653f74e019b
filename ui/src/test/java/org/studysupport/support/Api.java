package org.studysupport.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Real HTTP calls to a running application, as one of the demo users. Never throws on 4xx/5xx, but
 * fails when an answer breaks the published OpenAPI document ({@link ResponseValidation}).
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;
    private final int port;

    private Api(RestClient client, int port) {
        this.client = client;
        this.port = port;
    }

    public static Api at(int port, String user) {
        return at(port, user, "demo");
    }

    /** As the given user with the given password (e.g. a wrong one). */
    public static Api at(int port, String user, String password) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (user != null) {
            String credentials = Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
        }
        return new Api(builder.build(), port);
    }

    public static Api anonymous(int port) {
        return at(port, null);
    }

    /** A status code, the body as JSON (or null), and the headers. */
    public record Answer(int status, JsonNode body, HttpHeaders headers) {
        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    public Answer get(String path) {
        return exchange(client.get().uri(path), null);
    }

    public Answer get(String path, Consumer<HttpHeaders> headers) {
        return exchange(client.get().uri(path).headers(headers), null);
    }

    public Answer post(String path, Object body) {
        return exchange(client.post().uri(path).contentType(MediaType.APPLICATION_JSON), body);
    }

    public Answer post(String path, Object body, Consumer<HttpHeaders> headers) {
        return exchange(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers(headers), body);
    }

    public Answer delete(String path) {
        return exchange(client.delete().uri(path), null);
    }

    /** A body sent as raw text with the given content type. */
    public Answer postRaw(String path, String body, MediaType contentType) {
        return exchange(client.post().uri(path).contentType(contentType), body);
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> spec, Object body) {
        if (body != null && spec instanceof RestClient.RequestBodySpec withBody) {
            withBody.body(body instanceof String ? body : toJson(body));
        }
        return spec.exchange((request, response) -> {
            HttpStatusCode status = response.getStatusCode();
            byte[] bytes = response.getBody().readAllBytes();
            ResponseValidation.check(port, request.getMethod().name(), request.getURI().getRawPath(), status.value(),
                    response.getHeaders(), bytes);
            JsonNode json = null;
            if (bytes.length > 0) {
                try {
                    json = JSON.readTree(bytes);
                } catch (java.io.IOException notJson) {
                    json = JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
                }
            }
            return new Answer(status.value(), json, response.getHeaders());
        });
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A request body that the contract accepts, asking for the given services. */
    public static Map<String, Object> submission(String title, String... services) {
        return Map.of(
                "title", title,
                "acronym", "ACR",
                "studyPhase", "PHASE_3",
                "fundingStatus", "AWARDED",
                "description", "A multicentre randomised trial.",
                "countries", java.util.List.of("NO", "SE"),
                "plannedSites", 8,
                "services", java.util.List.of(services),
                "contact", Map.of("name", "Kari Nordmann", "email", "kari@example.org", "phone", "+47 22 00 00 00"));
    }
}
