package org.studysupport.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.ProblemAssert;
import org.studysupport.support.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/requests/{id}/history}: every event of a request, oldest first, with who, in which
 * role, when, why and the event's data; the owner gets the public part, others who may not see the
 * request get nothing.
 */
class RequestHistoryApiTest extends PostgresApiTest {

    @Test
    void theHistoryListsEveryEventInOrderWithWhoWhenWhyAndData() {
        Workflow flow = new Workflow(port);
        String id = accepted(unique("History walk"), "MONITORING");
        String assignment = assign(id, "MONITORING", "OUS");
        flow.decline(id, assignment, "OUS");
        flow.comment("coordinator", id, "Internal remark", "INTERNAL");
        flow.comment("investigator1", id, "Public remark", "PUBLIC");
        JsonNode now = read("coordinator", id);

        JsonNode history = ok(as("auditor").get(path(id, "history")));

        // each service-level clock starts and stops right after the event that causes it
        assertThat(types(history)).containsExactly("RequestSubmitted", "SlaClockStarted", "RequestAccepted",
                "SlaClockStopped", "ServiceAssigned", "SlaClockStarted", "AssignmentDeclined", "SlaClockStopped",
                "CommentAdded", "CommentAdded");
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("sequence").asLong()).isEqualTo(i);
        }
        assertThat(history.get(history.size() - 1).path("occurredAt").asText()).isEqualTo(now.path("updatedAt").asText());
        JsonNode submitted = history.get(0);
        assertThat(submitted.path("actor").path("id").asText()).isEqualTo("investigator1");
        assertThat(submitted.path("actor").path("role").asText()).isEqualTo("INVESTIGATOR");
        assertThat(submitted.path("data").path("reference").asText()).isEqualTo(now.path("reference").asText());
        assertThat(history.get(1).path("data").path("clock").asText()).isEqualTo("TRIAGE");
        assertThat(history.get(1).path("actor").path("id").asText()).as("started by the submission")
                .isEqualTo("investigator1");
        assertThat(history.get(3).path("data").path("met").asBoolean()).isTrue();
        assertThat(history.get(5).path("data").path("clock").asText()).isEqualTo("HOSPITAL_RESPONSE");
        assertThat(history.get(5).path("data").path("assignmentId").asText()).isEqualTo(assignment);
        JsonNode declined = history.get(6);
        assertThat(declined.path("actor").path("id").asText()).isEqualTo("ous-staff");
        assertThat(declined.path("actor").path("role").asText()).isEqualTo("HOSPITAL");
        assertThat(declined.path("reason").asText()).isNotBlank().isEqualTo(declined.path("data").path("reason").asText());
        assertThat(declined.path("data").path("assignmentId").asText()).isEqualTo(assignment);
        assertThat(history.get(2).path("reason").isNull()).as("no reason where none applies").isTrue();
        assertThat(ok(as("coordinator").get(path(id, "history")))).isEqualTo(history);
        assertThat(ok(as("admin").get(path(id, "history")))).isEqualTo(history);
    }

    @Test
    void theOwnerGetsThePublicPartAndOthersNothing() {
        Workflow flow = new Workflow(port);
        String id = submit(unique("History of the owner"), "BIOSTATISTICS");
        flow.comment("coordinator", id, "Internal remark", "INTERNAL");
        flow.comment("coordinator", id, "Public remark", "PUBLIC");

        JsonNode owners = ok(as("investigator1").get(path(id, "history")));

        assertThat(types(owners)).containsExactly("RequestSubmitted", "SlaClockStarted", "CommentAdded");
        assertThat(owners.get(2).path("data").path("text").asText()).isEqualTo("Public remark");
        assertThat(owners.toString()).doesNotContain("Internal remark");
        ProblemAssert.assertProblem(as("investigator2").get(path(id, "history")), 404);
        ProblemAssert.assertProblem(as("ous-staff").get(path(id, "history")), 403);
        ProblemAssert.assertProblem(anonymous().get(path(id, "history")), 401);
        ProblemAssert.assertProblem(as("auditor").get(path(UUID.randomUUID().toString(), "history")), 404);
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }
}
