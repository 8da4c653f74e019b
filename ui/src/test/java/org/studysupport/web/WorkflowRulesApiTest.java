package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.PostgresApiTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The product rules that tie a request and its assignments together. */
class WorkflowRulesApiTest extends PostgresApiTest {

    @Test
    void withdrawalCancelsOpenAssignmentsAndLeavesCompletedOnesAlone() {
        String id = accepted(unique("Withdraw cancels"), "MONITORING", "DATA_MANAGEMENT", "BIOSTATISTICS");
        String pending = assign(id, "MONITORING", "OUS");
        String active = assign(id, "DATA_MANAGEMENT", "HUS");
        acknowledge("hus-staff", id, active);
        String done = assign(id, "BIOSTATISTICS", "OUS");
        acknowledge("ous-staff", id, done);
        ok(as("ous-staff").post(path(id, "assignments", done, "complete"), Map.of("summary", "Sample size done")));
        JsonNode before = read("coordinator", id);

        JsonNode view = ok(as("investigator1").post(path(id, "withdraw"), Map.of("reason", "Sponsor pulled out")));

        assertThat(view.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(view.path("withdrawalReason").asText()).isEqualTo("Sponsor pulled out");
        // two cancellations, the withdrawal, and the stops of the two open assignments' clocks
        assertThat(view.path("version").asLong()).isEqualTo(before.path("version").asLong() + 5);
        for (String open : new String[] {pending, active}) {
            JsonNode cancelled = assignment(view, open);
            assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(cancelled.path("reason").asText()).contains("Sponsor pulled out");
        }
        assertThat(assignment(view, done).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(assignment(view, done).path("summary").asText()).isEqualTo("Sample size done");

        JsonNode seenByHospital = read("hus-staff", id);
        assertThat(seenByHospital.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(assignment(seenByHospital, active).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void withdrawingWhileAwaitingInfoEndsTheRequest() {
        String id = accepted(unique("Withdraw awaiting info"), "MONITORING");
        ok(as("coordinator").post(path(id, "clarifications"), Map.of("question", "Budget?")));

        JsonNode view = ok(as("investigator1").post(path(id, "withdraw"), Map.of("reason", "No budget")));

        assertThat(view.path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aDeclinedServiceCanBeAssignedAgain() {
        String id = accepted(unique("Decline frees"), "MONITORING");
        String declined = assign(id, "MONITORING", "OUS");
        ok(as("ous-staff").post(path(id, "assignments", declined, "decline"), Map.of("reason", "Full")));

        JsonNode view = ok(as("coordinator").post(path(id, "assignments"),
                Map.of("service", "MONITORING", "hospital", "HUS")));

        assertThat(view.path("assignments")).hasSize(2);
        assertThat(assignment(view, declined).path("status").asText()).isEqualTo("DECLINED");
        JsonNode fresh = view.path("assignments").get(1);
        assertThat(fresh.path("hospital").asText()).isEqualTo("HUS");
        assertThat(fresh.path("status").asText()).isEqualTo("PENDING");
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aCancelledServiceCanBeAssignedAgainEvenToTheSameHospital() {
        String id = accepted(unique("Cancel frees"), "MONITORING");
        String cancelled = assign(id, "MONITORING", "OUS");
        ok(as("coordinator").post(path(id, "assignments", cancelled, "cancel"), Map.of("reason", "Wrong scope")));

        String again = assign(id, "MONITORING", "OUS");

        JsonNode view = read("coordinator", id);
        assertThat(again).isNotEqualTo(cancelled);
        assertThat(assignment(view, cancelled).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(assignment(view, again).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void reassignmentHandsTheWorkToTheNewHospitalAndClosesItForTheOld() {
        String id = accepted(unique("Reassign hands over"), "MONITORING");
        String old = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, old);

        JsonNode view = ok(as("coordinator").post(path(id, "assignments", old, "reassign"),
                Map.of("hospital", "HUS", "reason", "OUS capacity")));

        JsonNode closed = assignment(view, old);
        assertThat(closed.path("status").asText()).isEqualTo("REASSIGNED");
        assertThat(closed.path("reason").asText()).isEqualTo("OUS capacity");
        String fresh = closed.path("replacedBy").asText();
        assertThat(assignment(view, fresh).path("status").asText()).isEqualTo("PENDING");
        assertThat(assignment(view, fresh).path("hospital").asText()).isEqualTo("HUS");

        JsonNode acknowledged = ok(as("hus-staff").post(path(id, "assignments", fresh, "acknowledge"), Map.of()));
        assertThat(assignment(acknowledged, fresh).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(as("ous-staff").post(path(id, "assignments", old, "complete"), Map.of("summary", "Late"))
                .status()).isEqualTo(409);
        assertThat(assignment(read("coordinator", id), old).path("status").asText()).isEqualTo("REASSIGNED");
    }

    @Test
    void answeringAClarificationAskedWhileAcceptedReturnsToAccepted() {
        String id = accepted(unique("Clarify accepted"), "MONITORING");

        String clarificationId = ask("coordinator", id, "Which sites?");
        JsonNode answered = answer(id, clarificationId, "Oslo and Bergen");

        assertThat(answered.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(answered.path("priority").asText()).isEqualTo("NORMAL");
    }

    @Test
    void answeringAClarificationAskedWhileInProgressReturnsToInProgress() {
        String id = accepted(unique("Clarify in progress"), "MONITORING");
        assign(id, "MONITORING", "OUS");

        String clarificationId = ask("coordinator", id, "Start date?");
        JsonNode answered = answer(id, clarificationId, "March");

        assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aServiceAssignedWhileAwaitingInfoMakesTheAnswerReturnToInProgress() {
        String id = accepted(unique("Assign while awaiting info"), "MONITORING");
        String clarificationId = ask("coordinator", id, "Which CRO?");

        JsonNode assigned = ok(as("coordinator").post(path(id, "assignments"),
                Map.of("service", "MONITORING", "hospital", "OUS")));
        assertThat(assigned.path("status").asText()).isEqualTo("AWAITING_INFO");
        assertThat(assigned.path("assignments").get(0).path("status").asText()).isEqualTo("PENDING");

        JsonNode answered = answer(id, clarificationId, "None");
        assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void hospitalWithAnOpenAssignmentMayAskForClarification() {
        String id = accepted(unique("Hospital asks"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignmentId);

        JsonNode asked = ok(as("ous-staff").post(path(id, "clarifications"), Map.of("question", "Visit schedule?")));

        assertThat(asked.path("status").asText()).isEqualTo("AWAITING_INFO");
        JsonNode clarification = asked.path("clarifications").get(0);
        assertThat(clarification.path("askedBy").asText()).isEqualTo("ous-staff");
        assertThat(clarification.path("question").asText()).isEqualTo("Visit schedule?");
        assertThat(read("investigator1", id).path("clarifications").get(0).path("question").asText())
                .isEqualTo("Visit schedule?");

        JsonNode answered = answer(id, clarification.path("id").asText(), "Every six weeks");
        assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(assignment(answered, assignmentId).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void hospitalMayWorkItsAssignmentWhileTheRequestAwaitsInfo() {
        String id = accepted(unique("Work while awaiting info"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        ask("coordinator", id, "Any update?");

        JsonNode acknowledged = ok(as("ous-staff").post(path(id, "assignments", assignmentId, "acknowledge"),
                Map.of()));

        assertThat(acknowledged.path("status").asText()).isEqualTo("AWAITING_INFO");
        assertThat(assignment(acknowledged, assignmentId).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aRequestCanBeAskedAgainAfterItsQuestionWasAnswered() {
        String id = submit(unique("Ask again"), "MONITORING");
        String first = ask("coordinator", id, "First?");
        answer(id, first, "One");

        String second = ask("coordinator", id, "Second?");
        JsonNode answered = answer(id, second, "Two");

        assertThat(second).isNotEqualTo(first);
        assertThat(answered.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(answered.path("clarifications")).hasSize(2);
        assertThat(answered.path("clarifications").get(1).path("answer").asText()).isEqualTo("Two");
    }

    private String ask(String user, String id, String question) {
        JsonNode view = ok(as(user).post(path(id, "clarifications"), Map.of("question", question)));
        assertThat(view.path("status").asText()).isEqualTo("AWAITING_INFO");
        JsonNode clarifications = view.path("clarifications");
        return clarifications.get(clarifications.size() - 1).path("id").asText();
    }

    private JsonNode answer(String id, String clarificationId, String text) {
        return ok(as("investigator1").post(path(id, "clarifications", clarificationId, "answer"),
                Map.of("answer", text)));
    }
}
