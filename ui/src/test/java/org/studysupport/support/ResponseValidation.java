package org.studysupport.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks an answer of the API against the OpenAPI document that the same application serves:
 * status, content type, headers and body must be what the document says. Every call the shared
 * test client {@link Api} makes goes through it, so every HTTP test also tests the document.
 * Answers to paths the document does not describe (actuator, the document itself, made-up paths)
 * are not checked.
 */
public final class ResponseValidation {

    /** The methods an OpenAPI document can describe; an answer to another (PROPFIND, …) is the router's. */
    private static final Set<String> DESCRIBABLE = Arrays.stream(Request.Method.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private static final Map<Integer, OpenApiInteractionValidator> BY_PORT = new ConcurrentHashMap<>();

    private ResponseValidation() {
    }

    /**
     * Fails with the validator's messages when the answer breaks the document.
     *
     * @param path the path of the call as sent (raw, with a query string or not)
     */
    public static void check(int port, String method, String path, int status, Map<String, List<String>> headers,
                             byte[] body) {
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (!path.startsWith("/api/") || !DESCRIBABLE.contains(method)) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> response.withHeader(name, values));
        if (body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report = validator(port)
                .validateResponse(path, Request.Method.valueOf(method), response.build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + status
                    + ") breaks the published OpenAPI document (docs/openapi.json):\n"
                    + report.getMessages().stream().map(m -> "  - " + m).reduce("", (a, b) -> a + b + "\n")
                    + "body: " + new String(body, StandardCharsets.UTF_8));
        }
    }

    private static OpenApiInteractionValidator validator(int port) {
        return BY_PORT.computeIfAbsent(port, p -> {
            String document = RestClient.create("http://localhost:" + p).get().uri("/v3/api-docs")
                    .retrieve().body(String.class);
            return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create()
                            // a path or method the document does not have is the router's 404/405, not an answer of it
                            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        });
    }
}
