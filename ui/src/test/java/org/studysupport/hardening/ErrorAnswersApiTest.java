package org.studysupport.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studysupport.hardening.RawHttp.Framing;
import org.studysupport.support.PostgresApiTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.hardening.HardeningAsserts.assertCleanProblem;
import static org.studysupport.hardening.HardeningAsserts.assertSecurityHeaders;

/**
 * Every way an error leaves the application is problem details that name nothing of the code
 * behind it (no package, exception class, stack frame or HTML page): an unknown path, a method the
 * path does not take, malformed JSON, a parameter of the wrong type or missing, the container's
 * error page, and what the HTTP firewall or Tomcat itself refuses. A failure no handler knows (500)
 * is in {@code UnexpectedFailureApiTest}.
 */
class ErrorAnswersApiTest extends PostgresApiTest {

    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml");

    private RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @Test
    void anUnknownPathIsNotFound() {
        for (String path : List.of("/api/nothing-here", "/api/requests/" + UUID.randomUUID() + "/nothing",
                "/swagger-ui/missing.js", "/actuator/nothing")) {
            for (Map<String, String> headers : List.of(Map.<String, String>of(), BROWSER)) {
                RawHttp.Answer answer = http.get("admin", path, headers);

                JsonNode problem = assertCleanProblem(answer, 404);
                assertThat(problem.path("type").asText()).as(path).isEqualTo("/problems/not-found");
                assertSecurityHeaders(answer);
            }
        }
    }

    @Test
    void aPageIsNotSignedInToWithBasicCredentialsButSentToTheSignInForm() {
        RawHttp.Answer answer = http.get("admin", "/nope", BROWSER);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/login");
        assertSecurityHeaders(answer);
    }

    @Test
    void aMethodThePathDoesNotTakeIsNotAllowed() {
        String id = submit(unique("Method"), "MONITORING");

        RawHttp.Answer answer = http.get("coordinator", "/api/requests/" + id + "/accept", Map.of());

        JsonNode problem = assertCleanProblem(answer, 405);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/method-not-allowed");
        assertThat(problem.path("detail").asText()).contains("GET").contains("POST");
        assertThat(answer.header("Allow")).isEqualTo("POST");
        assertSecurityHeaders(answer);
    }

    @Test
    void aMethodNoPathTakesIsRefusedAsProblemDetails() {
        for (String method : List.of("TRACE", "PROPFIND", "MKCOL")) {
            RawHttp.Answer answer = http.send("coordinator", method, "/api/requests");

            JsonNode problem = assertCleanProblem(answer, 400);
            assertThat(problem.path("type").asText()).as(method).isEqualTo("/problems/rejected-request");
            assertSecurityHeaders(answer);
        }
    }

    @Test
    void malformedOrMistypedJsonNamesNoJavaType() {
        String id = submit(unique("Malformed"), "MONITORING");
        JsonNode before = read("coordinator", id);
        List<String> bodies = List.of("{\"priority\":", "{\"priority\":\"HIGH\",}", "[1,2]", "\"HIGH\"", "42",
                "{\"priority\":{\"level\":1}}", "{\"priority\":[\"HIGH\"]}", "{\"priority\":\"HIGH\"}{",
                "{\"priority\":\"\\uZZZZ\"}", "{'priority':'HIGH'}", "nul");
        for (String body : bodies) {
            RawHttp.Answer answer = http.post("coordinator", "/api/requests/" + id + "/accept", "application/json",
                    body.getBytes(StandardCharsets.UTF_8), Framing.DECLARED_LENGTH);

            assertCleanProblem(answer, 400);
        }
        List<String> submissions = List.of("{\"title\":{\"a\":1}}", "{\"services\":\"MONITORING\"}",
                "{\"plannedSites\":99999999999999999999}", "{\"plannedSites\":\"many\"}",
                "{\"countries\":[[\"NO\"]]}", "{\"contact\":\"Kari\"}", "{\"contact\":{\"email\":[1]}}");
        for (String body : submissions) {
            RawHttp.Answer answer = http.post("investigator1", "/api/requests", "application/json",
                    body.getBytes(StandardCharsets.UTF_8), Framing.DECLARED_LENGTH);

            assertCleanProblem(answer, 400);
        }
        assertThat(read("coordinator", id).path("version")).isEqualTo(before.path("version"));
    }

    @Test
    void aPathOrQueryParameterOfTheWrongTypeIsAnInvalidField() {
        String id = submit(unique("Mistyped"), "MONITORING");
        Map<String, String> cases = Map.of(
                "/api/requests/not-a-uuid", "id",
                "/api/requests?page=abc", "page",
                "/api/requests?size=1e3", "size",
                "/api/requests?submittedFrom=yesterday", "submittedFrom",
                "/api/requests?status=%3Cscript%3E", "status",
                "/api/requests/" + id + "?asOf=soon", "asOf",
                "/api/requests/" + id + "/recommendations?service=COFFEE", "service");
        cases.forEach((path, field) -> {
            JsonNode problem = assertCleanProblem(http.get("coordinator", path, Map.of()), 400);
            assertThat(problem.path("errors").toString()).as(path).contains("\"" + field + "\"");
        });
    }

    @Test
    void aMissingParameterIsNamed() {
        String id = submit(unique("Missing parameter"), "MONITORING");

        JsonNode problem = assertCleanProblem(http.get("coordinator", "/api/requests/" + id + "/recommendations",
                Map.of()), 400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("service");
    }

    @Test
    void theErrorPageCalledDirectlyDoesNotExist() {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), BROWSER)) {
            RawHttp.Answer answer = http.get(null, "/error", headers);

            assertCleanProblem(answer, 404);
            assertSecurityHeaders(answer);
        }
        assertCleanProblem(http.post(null, "/error", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                Framing.DECLARED_LENGTH), 404);
    }

    @Test
    void whatTheHttpFirewallRefusesIsProblemDetails() {
        for (String path : List.of("/api/requests/a%2e%2e/x", "/api/requests//x", "/api/requests/x;jsessionid=1",
                "/api/requests/%2e%2e/x", "/api/requests/x%5cy", "/api/requests/x%25y", "/api/%0d%0aX-Evil:%201")) {
            RawHttp.Answer answer = http.get("coordinator", path, BROWSER);

            JsonNode problem = assertCleanProblem(answer, 400);
            assertThat(problem.path("type").asText()).as(path).isIn("/problems/rejected-request", "/problems/bad-request");
            assertThat(answer.header("X-Evil")).isNull();
            assertSecurityHeaders(answer);
        }
    }

    /** An encoded slash or NUL in the path, a request line or header over Tomcat's size limit. */
    @Test
    void whatTomcatRefusesBeforeTheApplicationIsProblemDetails() {
        for (String path : List.of("/api/requests/..%2f..%2fetc%2fpasswd", "/api/requests/%00", "/api/%2F")) {
            RawHttp.Answer answer = http.get("coordinator", path, BROWSER);

            JsonNode problem = assertCleanProblem(answer, 400);
            assertThat(problem.path("type").asText()).as(path).isEqualTo("/problems/bad-request");
            assertSecurityHeaders(answer);
        }
        String huge = "a".repeat(20_000);
        for (RawHttp.Answer answer : List.of(http.get("coordinator", "/api/services", Map.of("X-Padding", huge)),
                http.get("coordinator", "/api/services?padding=" + huge, Map.of()))) {
            assertCleanProblem(answer, 400);
            assertSecurityHeaders(answer);
        }
    }
}
