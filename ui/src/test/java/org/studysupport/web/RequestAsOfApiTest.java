package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/requests/{id}?asOf=}: the request exactly as it stood at a past moment. */
class RequestAsOfApiTest extends PostgresApiTest {

    @Test
    void requestAsOfEachMomentShowsTheStateItHadThen() {
        String id = submit(unique("As of walk"), "MONITORING");
        JsonNode submitted = read("coordinator", id);
        JsonNode accepted = ok(as("coordinator").post(path(id, "accept"), Map.of("priority", "HIGH")));
        JsonNode assigned = ok(as("coordinator").post(path(id, "assignments"),
                Map.of("service", "MONITORING", "hospital", "OUS")));

        JsonNode atSubmission = ok(as("coordinator").get(asOf(id, submitted.path("updatedAt").asText())));
        JsonNode atAcceptance = ok(as("coordinator").get(asOf(id, accepted.path("updatedAt").asText())));
        JsonNode atAssignment = ok(as("coordinator").get(asOf(id, assigned.path("updatedAt").asText())));

        assertThat(atSubmission.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(atSubmission.path("version").asLong()).as("submitted, triage clock started").isEqualTo(1);
        assertThat(atAcceptance.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(atAcceptance.path("priority").asText()).isEqualTo("HIGH");
        assertThat(atAcceptance.path("assignments")).isEmpty();
        assertThat(atAssignment).isEqualTo(assigned);
    }

    @Test
    void beforeItsSubmissionARequestDidNotExist() {
        String id = submit(unique("As of before"), "MONITORING");
        Instant submittedAt = Instant.parse(read("coordinator", id).path("submittedAt").asText());

        assertThat(as("coordinator").get(asOf(id, submittedAt.minusMillis(1).toString())).status()).isEqualTo(404);
    }

    @Test
    void thePastIsShownOnlyToWhoMaySeeTheRequestAndWithTheSamePartsHidden() {
        String id = submit(unique("As of scoping"), "MONITORING");
        JsonNode commented = ok(as("coordinator").post(path(id, "comments"),
                Map.of("text", "Coordinators only", "visibility", "INTERNAL")));
        String moment = commented.path("updatedAt").asText();

        assertThat(as("investigator2").get(asOf(id, moment)).status()).isEqualTo(404);
        JsonNode ownersPast = ok(as("investigator1").get(asOf(id, moment)));
        assertThat(ownersPast.path("comments")).isEmpty();
        assertThat(ok(as("coordinator").get(asOf(id, moment))).path("comments")).hasSize(1);
    }

    @Test
    void anAsOfThatIsNotATimestampIsAFieldError() {
        String id = submit(unique("As of invalid"), "MONITORING");

        var answer = as("coordinator").get(path(id) + "?asOf=yesterday");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
    }

    /** What the read tables keep apart (comments, answered questions) comes back in the fold's order. */
    @Test
    void theRequestAsOfItsLastChangeIsExactlyTheRequest() {
        Workflow flow = new Workflow(port);
        String id = accepted(unique("As of now"), "MONITORING");
        String first = flow.ask("coordinator", id, "Which sites?");
        flow.answer("investigator1", id, first, "Eight");
        flow.comment("coordinator", id, "Internal note", "INTERNAL");
        String second = flow.ask("coordinator", id, "Which visits?");
        flow.answer("investigator1", id, second, "Week 12");
        flow.comment("investigator1", id, "Thanks", "PUBLIC");
        flow.ask("coordinator", id, "And the budget?");
        JsonNode now = read("coordinator", id);

        assertThat(now.path("clarifications")).hasSize(3);
        assertThat(now.path("comments")).hasSize(2);
        assertThat(ok(as("coordinator").get(asOf(id, now.path("updatedAt").asText())))).isEqualTo(now);
    }

    private static String asOf(String id, String moment) {
        return path(id) + "?asOf=" + moment;
    }
}
