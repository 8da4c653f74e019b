package org.studysupport.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studysupport.hardening.RawHttp.Framing;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.hardening.HardeningAsserts.assertCleanProblem;
import static org.studysupport.hardening.HardeningAsserts.assertSecurityHeaders;

/**
 * Every action that takes a body refuses one over 256 KiB (413, whether its length is declared or it
 * comes chunked without one) and one that is not JSON (415: text, XML, YAML, a form, no Content-Type
 * at all), before anything is decided; and no answer is given in a representation the client did not
 * ask for (406). Each refusal is problem details, and the request stays exactly as it was.
 */
class BodyAndMediaTypeApiTest extends PostgresApiTest {

    private static final int LIMIT = 256 * 1024;

    /** One POST action with a body: the path and a user whose role may call it. */
    private record Action(String user, String path) {
    }

    private RawHttp http;
    private String id;
    private JsonNode before;
    private List<Action> actions;

    /** A request with an acknowledged assignment and an open clarification, so that every action has a target. */
    @BeforeEach
    void requestWithEverythingToActOn() {
        http = new RawHttp(port);
        Workflow flow = new Workflow(port);
        id = accepted(unique("Body limits"), "MONITORING", "BIOSTATISTICS");
        String assignment = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignment);
        String clarification = flow.ask("coordinator", id, "Which sites?");
        String onRequest = "/api/requests/" + id;
        String onAssignment = onRequest + "/assignments/" + assignment;
        actions = List.of(
                new Action("investigator1", "/api/requests"),
                new Action("investigator1", onRequest + "/withdraw"),
                new Action("coordinator", onRequest + "/accept"),
                new Action("coordinator", onRequest + "/reject"),
                new Action("coordinator", onRequest + "/complete"),
                new Action("coordinator", onRequest + "/comments"),
                new Action("coordinator", onRequest + "/clarifications"),
                new Action("investigator1", onRequest + "/clarifications/" + clarification + "/answer"),
                new Action("coordinator", onRequest + "/assignments"),
                new Action("coordinator", onAssignment + "/reassign"),
                new Action("coordinator", onAssignment + "/cancel"),
                new Action("ous-staff", onAssignment + "/acknowledge"),
                new Action("ous-staff", onAssignment + "/decline"),
                new Action("ous-staff", onAssignment + "/complete"),
                new Action("admin", "/api/admin/projections/request-view/replay"));
        before = read("coordinator", id);
    }

    @Test
    void everyActionRefusesABodyOverTheLimitWithItsLengthDeclared() {
        byte[] tooLarge = jsonOfSize(LIMIT + 1);
        for (Action action : actions) {
            RawHttp.Answer answer = http.post(action.user(), action.path(), "application/json", tooLarge,
                    Framing.DECLARED_LENGTH);

            JsonNode problem = assertCleanProblem(answer, 413);
            assertThat(problem.path("type").asText()).as(action.path()).isEqualTo("/problems/body-too-large");
            assertThat(problem.path("detail").asText()).contains(Integer.toString(LIMIT));
            assertSecurityHeaders(answer);
        }
        assertUnchanged();
    }

    @Test
    void everyActionCutsOffAChunkedBodyAtTheLimit() {
        byte[] tooLarge = jsonOfSize(LIMIT + 1024);
        for (Action action : actions) {
            RawHttp.Answer answer = http.post(action.user(), action.path(), "application/json", tooLarge,
                    Framing.CHUNKED);

            JsonNode problem = assertCleanProblem(answer, 413);
            assertThat(problem.path("type").asText()).as(action.path()).isEqualTo("/problems/body-too-large");
            assertSecurityHeaders(answer);
        }
        assertUnchanged();
    }

    @Test
    void everyActionRefusesABodyThatIsNotJson() {
        Map<String, String> notJson = Map.of(
                "text/plain", "priority=HIGH",
                "application/xml", "<accept><priority>HIGH</priority></accept>",
                "application/x-www-form-urlencoded", "priority=HIGH&text=hello",
                "application/yaml", "priority: HIGH\ntext: hello\n",
                "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--b--");
        for (Action action : actions) {
            for (Map.Entry<String, String> body : notJson.entrySet()) {
                RawHttp.Answer answer = http.post(action.user(), action.path(), body.getKey(),
                        body.getValue().getBytes(StandardCharsets.UTF_8), Framing.DECLARED_LENGTH);

                JsonNode problem = assertCleanProblem(answer, 415);
                assertThat(problem.path("type").asText()).as("%s as %s", action.path(), body.getKey())
                        .isEqualTo("/problems/unsupported-media-type");
                assertThat(problem.path("detail").asText()).contains("application/json");
                assertThat(answer.header("Accept")).as("types accepted").contains("application/json")
                        .doesNotContain("yaml").doesNotContain("xml");
            }
        }
        assertUnchanged();
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupported() {
        byte[] body = "{\"priority\":\"HIGH\",\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
        for (Action action : actions) {
            RawHttp.Answer answer = http.post(action.user(), action.path(), null, body, Framing.DECLARED_LENGTH);

            JsonNode problem = assertCleanProblem(answer, 415);
            assertThat(problem.path("detail").asText()).as(action.path())
                    .contains("no Content-Type").contains("application/json");
        }
        assertUnchanged();
    }

    @Test
    void anAnswerNoAcceptableTypeFitsIsNotAcceptableAsProblemDetails() {
        for (String accept : List.of("application/xml", "application/yaml", "text/html", "text/csv")) {
            RawHttp.Answer answer = http.get("coordinator", "/api/requests/" + id, Map.of("Accept", accept));

            JsonNode problem = assertCleanProblem(answer, 406);
            assertThat(problem.path("type").asText()).as(accept).isEqualTo("/problems/not-acceptable");
            assertThat(problem.path("detail").asText()).contains("application/json");
            assertSecurityHeaders(answer);
        }
        RawHttp.Answer json = http.get("coordinator", "/api/requests/" + id, Map.of("Accept", "application/json"));
        assertThat(json.status()).isEqualTo(200);
    }

    private void assertUnchanged() {
        JsonNode after = read("coordinator", id);
        assertThat(after.path("version").asLong()).as("version").isEqualTo(before.path("version").asLong());
        for (String part : List.of("status", "priority", "assignments", "clarifications", "comments")) {
            assertThat(after.path(part)).as("%s after refused bodies", part).isEqualTo(before.path(part));
        }
        assertThat(ok(as("coordinator").get("/api/requests?q=" + "Body%20limits%20filler")).path("total").asLong())
                .as("requests submitted by a refused body").isZero();
    }

    /** Well-formed JSON of exactly the given size, so that only its size can be refused. */
    private static byte[] jsonOfSize(int size) {
        String head = "{\"title\":\"Body limits filler\",\"priority\":\"HIGH\",\"text\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
