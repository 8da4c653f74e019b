package org.studysupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The authorization matrix ({@code authorization-matrix.csv}) against the running application:
 * every endpoint, as every demo user and anonymously, in the request states the rows name, answers
 * with the status the matrix gives. Refusals are problem details and change nothing. An endpoint
 * the application maps without a row, or a row without an endpoint, fails
 * {@link #everyEndpointHasARowAndEveryRowAnEndpoint()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends PostgresApiTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.read();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(3);
    /** The mapped paths the matrix covers: the HTTP API, the operations endpoints, the API document. */
    private static final List<String> COVERED = List.of("/api/", "/actuator", "/v3/api-docs");
    /** The servlet container's error page, not an endpoint anybody calls. */
    private static final Set<String> NOT_ENDPOINTS = Set.of("/error");

    /** A valid body per endpoint that takes one: a refusal must come from who calls, not from what is sent. */
    private static final Map<String, Object> BODIES = Map.ofEntries(
            Map.entry("POST /api/requests", Api.submission("Authorization matrix submission", "MONITORING")),
            Map.entry("POST /api/requests/{id}/clarifications", Map.of("question", "How many sites?")),
            Map.entry("POST /api/requests/{id}/clarifications/{clarificationId}/answer", Map.of("answer", "Eight")),
            Map.entry("POST /api/requests/{id}/accept", Map.of("priority", "HIGH")),
            Map.entry("POST /api/requests/{id}/reject", Map.of("reason", "Outside the network's remit")),
            Map.entry("POST /api/requests/{id}/assignments", Map.of("service", "MONITORING", "hospital", "OUS")),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/acknowledge", Map.of()),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/decline", Map.of("reason", "No capacity")),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/complete", Map.of("summary", "Delivered")),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/reassign",
                    Map.of("hospital", "SUS", "reason", "Closer to the sites")),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/cancel", Map.of("reason", "Not needed")),
            Map.entry("POST /api/requests/{id}/complete", Map.of("outcome", "Study supported")),
            Map.entry("POST /api/requests/{id}/withdraw", Map.of("reason", "The study was cancelled")),
            Map.entry("POST /api/requests/{id}/comments", Map.of("text", "A note", "visibility", "PUBLIC")),
            Map.entry("POST /api/admin/projections/{name}/replay", Map.of("reason", "Authorization matrix")),
            Map.entry("POST /api/admin/dead-letters/{id}/retry", Map.of()),
            Map.entry("POST /api/admin/subjects/{userId}/erase", Map.of("reason", "Asked to be forgotten")),
            Map.entry("POST /api/admin/subject-keys/rewrap", Map.of("reason", "Master key rotated")),
            // a port nothing listens on: the endpoint's deliveries fail at once, and are retried
            Map.entry("POST /api/admin/webhooks", Map.of("hospital", "STO", "url", "https://localhost:9/matrix")),
            Map.entry("DELETE /api/admin/webhooks/{id}", Map.of()),
            Map.entry("POST /api/admin/webhooks/{id}/deliveries/{messageId}/resend", Map.of()));

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(CALL_TIMEOUT).build();
    /** One prepared request per state, shared by the cells that must not change it. */
    private final Map<MatrixState, Map<String, String>> shared = new EnumMap<>(MatrixState.class);

    /** One cell of the matrix: a row called by one caller. */
    record Cell(AuthorizationMatrix.Row row, String caller, int expected) {
        boolean succeeds() {
            return expected >= 200 && expected < 300;
        }

        @Override
        public String toString() {
            return row + " as " + caller + " -> " + expected;
        }
    }

    Stream<Cell> cells() {
        return MATRIX.rows().stream().flatMap(row -> MATRIX.callers().stream()
                .map(caller -> new Cell(row, caller, row.expected().get(caller))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void callerGetsTheStatusTheMatrixGives(Cell cell) throws Exception {
        AuthorizationMatrix.Row row = cell.row();
        MatrixState state = MatrixState.valueOf(row.state());
        boolean changes = cell.succeeds() && !row.method().equals("GET");
        Map<String, String> variables = changes ? prepare(state) : shared.computeIfAbsent(state, this::prepare);
        String path = substitute(row.call(), variables);
        Object body = row.method().equals("GET") ? null : BODIES.get(row.key());
        if (!row.method().equals("GET")) {
            assertThat(body).as("a body for " + row.key() + " in AuthorizationMatrixTest.BODIES").isNotNull();
        }
        Long versionBefore = state == MatrixState.NONE ? null : version(variables.get("id"));

        Answer answer = call(row.method(), path, cell.caller(), body);

        assertThat(answer.status()).as(cell + ": " + row.method() + " " + path + " answered " + answer.body())
                .isEqualTo(cell.expected());
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as(cell + ": a refusal is a problem")
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).path("status").asInt()).as(cell + ": the problem's status")
                    .isEqualTo(answer.status());
            if (versionBefore != null) {
                long versionAfter = version(variables.get("id"));
                if (versionAfter != versionBefore) {
                    shared.remove(state);
                }
                assertThat(versionAfter).as(cell + ": a refusal changes nothing").isEqualTo(versionBefore);
            }
        }
        if (row.key().equals("POST /api/admin/projections/{name}/replay") && answer.status() == 202) {
            awaitRebuild(JSON.readTree(answer.body()).path("id").asText());
        }
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> mapped = mappedEndpoints();
        Set<String> inMatrix = new TreeSet<>();
        Set<String> withoutEndpoint = new TreeSet<>();
        for (AuthorizationMatrix.Row row : MATRIX.rows()) {
            inMatrix.add(row.key());
            if (!mapped.contains(row.key())) {
                withoutEndpoint.add(row.key() + " (line " + row.line() + ")");
            }
        }
        Set<String> withoutRow = new TreeSet<>(mapped);
        withoutRow.removeAll(inMatrix);

        assertThat(withoutRow).as("endpoints without a row in " + AuthorizationMatrix.FILE).isEmpty();
        assertThat(withoutEndpoint).as("rows of " + AuthorizationMatrix.FILE + " naming no endpoint").isEmpty();
    }

    @Test
    void everyCallerOfTheMatrixIsAnonymousOrADemoUser() {
        List<String> demoUsers = new ArrayList<>(DemoUsers.all().stream().map(user -> user.getUsername()).toList());
        demoUsers.add(0, "anonymous");
        assertThat(MATRIX.callers()).containsExactlyInAnyOrderElementsOf(demoUsers);
        assertThat(MATRIX.rows()).allSatisfy(row -> assertThat(MatrixState.valueOf(row.state())).isNotNull());
    }

    /** "GET /api/requests/{id}" for each method and path the application maps, of the covered paths. */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.isEmpty()) {
                    methods.add("ANY");
                }
                for (String path : info.getPatternValues()) {
                    if (COVERED.stream().anyMatch(path::startsWith) && !NOT_ENDPOINTS.contains(path)) {
                        methods.forEach(method -> endpoints.add(method + " " + path));
                    }
                }
            }
        }
        return endpoints;
    }

    private Map<String, String> prepare(MatrixState state) {
        Map<String, String> variables = state.prepare(new Workflow(port), unique("Authorization matrix " + state));
        variables.put("now", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return variables;
    }

    private static String substitute(String template, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no {" + matcher.group(1) + "} in " + variables + " for " + template);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** The request's version as the coordinator sees it. */
    private long version(String requestId) {
        return new Workflow(port).view("coordinator", requestId).path("version").asLong();
    }

    private void awaitRebuild(String rebuildId) {
        Api admin = as("admin");
        await().atMost(REBUILD_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode projections = ok(admin.get("/api/admin/projections"));
            for (JsonNode projection : projections) {
                JsonNode rebuild = projection.path("rebuild");
                boolean finished = !rebuild.path("outcome").asText().equals("RUNNING");
                if (rebuild.path("id").asText().equals(rebuildId) && finished) {
                    assertThat(rebuild.path("outcome").asText()).as("the rebuild's outcome").isEqualTo("COMPLETED");
                    return true;
                }
            }
            return false;
        });
    }

    /** A status, the content type and the body (empty for an event stream, which is closed at once). */
    record Answer(int status, String contentType, String body) {
    }

    private Answer call(String method, String path, String caller, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(CALL_TIMEOUT);
        if (!caller.equals("anonymous")) {
            String credentials = Base64.getEncoder()
                    .encodeToString((caller + ":demo").getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            if (contentType.startsWith("text/event-stream")) {
                return new Answer(response.statusCode(), contentType, "");
            }
            return new Answer(response.statusCode(), contentType,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
