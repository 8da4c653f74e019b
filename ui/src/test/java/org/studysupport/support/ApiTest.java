package org.studysupport.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * What the HTTP integration tests share: the whole application on a real PostgreSQL, called over
 * HTTP as the demo users, with metrics exported as in production, and the steps of a request's
 * life. Which database the application runs on is the subclass's: {@link PostgresApiTest} shares
 * one; a test that needs a database of its own (one whose processors no other context may reach)
 * extends this class directly and registers its own with
 * {@code EmbeddedDatabase.registerApplicationOn} in a {@code @DynamicPropertySource} method. (A
 * subclass of {@link PostgresApiTest} cannot: the superclass's registration wins.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@AutoConfigureObservability
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    protected Api as(String user) {
        return Api.at(port, user);
    }

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    /** Submits a request as investigator1 and returns its id. */
    protected String submit(String title, String... services) {
        return submitAs("investigator1", title, services);
    }

    protected String submitAs(String investigator, String title, String... services) {
        Api.Answer answer = as(investigator).post("/api/requests", Api.submission(title, services));
        if (answer.status() != 201) {
            throw new AssertionError("submission failed: " + answer.status() + " " + answer.body());
        }
        return answer.text("id");
    }

    /** A title no other test uses, so that {@code q=} finds only this test's requests. */
    protected static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String path(String id, String... tail) {
        return "/api/requests/" + id + (tail.length == 0 ? "" : "/" + String.join("/", tail));
    }

    /** The request as the given user sees it; fails unless that answer is 200. */
    protected JsonNode read(String user, String id) {
        return ok(as(user).get(path(id)));
    }

    /** Submits as investigator1 and accepts as coordinator with priority NORMAL; returns the id. */
    protected String accepted(String title, String... services) {
        String id = submit(title, services);
        ok(as("coordinator").post(path(id, "accept"), Map.of("priority", "NORMAL")));
        return id;
    }

    /** Assigns a service as coordinator; returns the id of the new PENDING assignment. */
    protected String assign(String id, String service, String hospital) {
        JsonNode view = ok(as("coordinator").post(path(id, "assignments"),
                Map.of("service", service, "hospital", hospital)));
        return StreamSupport.stream(view.path("assignments").spliterator(), false)
                .filter(a -> a.path("service").asText().equals(service)
                        && a.path("hospital").asText().equals(hospital)
                        && a.path("status").asText().equals("PENDING"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no PENDING " + service + " at " + hospital + ": " + view))
                .path("id").asText();
    }

    /** Acknowledges an assignment as staff of the given hospital. */
    protected void acknowledge(String staff, String id, String assignmentId) {
        ok(as(staff).post(path(id, "assignments", assignmentId, "acknowledge"), Map.of()));
    }

    /** The assignment with the given id in a request view. */
    protected static JsonNode assignment(JsonNode view, String assignmentId) {
        return StreamSupport.stream(view.path("assignments").spliterator(), false)
                .filter(a -> a.path("id").asText().equals(assignmentId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no assignment " + assignmentId + " in " + view));
    }

    /** The body of a 200 answer; fails with the answer otherwise. */
    protected static JsonNode ok(Api.Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("expected 200, got " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    /**
     * Asserts a refusal: a problem answer with the given status, and the request (as the coordinator
     * sees it) exactly as it was before: same version, status, assignments, clarifications, comments.
     */
    protected JsonNode assertRefused(Api.Answer answer, int status, String id, JsonNode before) {
        JsonNode problem = ProblemAssert.assertProblem(answer, status);
        JsonNode after = read("coordinator", id);
        org.assertj.core.api.Assertions.assertThat(after.path("version").asLong())
                .as("version after a refused action").isEqualTo(before.path("version").asLong());
        org.assertj.core.api.Assertions.assertThat(after.path("status").asText())
                .as("status after a refused action").isEqualTo(before.path("status").asText());
        org.assertj.core.api.Assertions.assertThat(after.path("assignments"))
                .as("assignments after a refused action").isEqualTo(before.path("assignments"));
        org.assertj.core.api.Assertions.assertThat(after.path("clarifications"))
                .as("clarifications after a refused action").isEqualTo(before.path("clarifications"));
        org.assertj.core.api.Assertions.assertThat(after.path("comments"))
                .as("comments after a refused action").isEqualTo(before.path("comments"));
        return problem;
    }
}
