package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the contract's action table, succeeding, answered with the state after it. */
class RequestActionsApiTest extends PostgresApiTest {

    private static long version(JsonNode view) {
        return view.path("version").asLong();
    }

    @Test
    void coordinatorAskingForClarificationPutsTheRequestInAwaitingInfoWithAnOpenQuestion() {
        String id = submit(unique("Clarification asked"), "MONITORING");
        JsonNode before = read("coordinator", id);

        Api.Answer answer = as("coordinator").post(path(id, "clarifications"), Map.of("question", "How many sites?"));

        JsonNode view = ok(answer);
        assertThat(view.path("status").asText()).isEqualTo("AWAITING_INFO");
        // the question and the triage clock's pause
        assertThat(version(view)).isEqualTo(version(before) + 2);
        JsonNode clarification = view.path("clarifications").get(0);
        assertThat(clarification.path("id").asText()).isNotBlank();
        assertThat(clarification.path("question").asText()).isEqualTo("How many sites?");
        assertThat(clarification.path("askedBy").asText()).isEqualTo("coordinator");
        assertThat(clarification.path("askedAt").asText()).isNotBlank();
        assertThat(clarification.path("answer").isNull()).isTrue();
        assertThat(clarification.path("answeredAt").isNull()).isTrue();
    }

    @Test
    void ownerAnsweringAClarificationReturnsTheRequestToSubmittedAndShowsTheAnswer() {
        String id = submit(unique("Clarification answered"), "MONITORING");
        JsonNode asked = ok(as("coordinator").post(path(id, "clarifications"), Map.of("question", "Which phase?")));
        String clarificationId = asked.path("clarifications").get(0).path("id").asText();

        JsonNode view = ok(as("investigator1").post(path(id, "clarifications", clarificationId, "answer"),
                Map.of("answer", "Phase 3")));

        assertThat(view.path("status").asText()).isEqualTo("SUBMITTED");
        // the answer and the triage clock's resumption
        assertThat(version(view)).isEqualTo(version(asked) + 2);
        JsonNode clarification = view.path("clarifications").get(0);
        assertThat(clarification.path("answer").asText()).isEqualTo("Phase 3");
        assertThat(clarification.path("answeredAt").asText()).isNotBlank();
    }

    @Test
    void acceptingSetsStatusAcceptedWithThePriorityAndTheNote() {
        String id = submit(unique("Accepted"), "MONITORING");
        JsonNode before = read("coordinator", id);
        assertThat(before.path("priority").isNull()).isTrue();

        JsonNode view = ok(as("coordinator").post(path(id, "accept"),
                Map.of("priority", "URGENT", "note", "Funding deadline")));

        assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(view.path("priority").asText()).isEqualTo("URGENT");
        assertThat(view.path("acceptanceNote").asText()).isEqualTo("Funding deadline");
        // the acceptance and the triage clock's stop
        assertThat(version(view)).isEqualTo(version(before) + 2);
        assertThat(read("investigator1", id).path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void rejectingSetsStatusRejectedAndShowsTheReason() {
        String id = submit(unique("Rejected"), "MONITORING");

        JsonNode view = ok(as("coordinator").post(path(id, "reject"), Map.of("reason", "Outside the network's remit")));

        assertThat(view.path("status").asText()).isEqualTo("REJECTED");
        assertThat(view.path("rejectionReason").asText()).isEqualTo("Outside the network's remit");
        assertThat(view.path("priority").isNull()).isTrue();
        // submitted, triage started, rejected, triage stopped
        assertThat(version(view)).isEqualTo(3);
        assertThat(read("investigator1", id).path("rejectionReason").asText()).isEqualTo("Outside the network's remit");
    }

    @Test
    void firstAssignmentOpensAPendingAssignmentAndMovesTheRequestToInProgress() {
        String id = accepted(unique("Assigned"), "MONITORING", "DATA_MANAGEMENT");
        JsonNode before = read("coordinator", id);

        JsonNode view = ok(as("coordinator").post(path(id, "assignments"),
                Map.of("service", "MONITORING", "hospital", "OUS", "note", "Start in March")));

        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        // the assignment and its hospital-response clock's start
        assertThat(version(view)).isEqualTo(version(before) + 2);
        assertThat(view.path("assignments")).hasSize(1);
        JsonNode assignment = view.path("assignments").get(0);
        assertThat(assignment.path("id").asText()).isNotBlank();
        assertThat(assignment.path("service").asText()).isEqualTo("MONITORING");
        assertThat(assignment.path("hospital").asText()).isEqualTo("OUS");
        assertThat(assignment.path("status").asText()).isEqualTo("PENDING");
        assertThat(assignment.path("note").asText()).isEqualTo("Start in March");
        assertThat(assignment.path("createdAt").asText()).isNotBlank();
        assertThat(assignment.path("respondedAt").isNull()).isTrue();
        assertThat(assignment.path("completedAt").isNull()).isTrue();

        JsonNode second = ok(as("coordinator").post(path(id, "assignments"),
                Map.of("service", "DATA_MANAGEMENT", "hospital", "HUS")));
        assertThat(second.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(second.path("assignments")).hasSize(2);
        assertThat(version(second)).isEqualTo(version(view) + 2);
    }

    @Test
    void hospitalAcknowledgingItsPendingAssignmentMakesItActive() {
        String id = accepted(unique("Acknowledged"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);

        JsonNode view = ok(as("ous-staff").post(path(id, "assignments", assignmentId, "acknowledge"), Map.of()));

        JsonNode assignment = assignment(view, assignmentId);
        assertThat(assignment.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(assignment.path("respondedAt").asText()).isNotBlank();
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        // acknowledged, hospital response stopped, delivery started
        assertThat(version(view)).isEqualTo(version(before) + 3);
    }

    @Test
    void hospitalDecliningItsPendingAssignmentMarksItDeclinedWithTheReason() {
        String id = accepted(unique("Declined"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);

        JsonNode view = ok(as("ous-staff").post(path(id, "assignments", assignmentId, "decline"),
                Map.of("reason", "No monitors free this quarter")));

        JsonNode assignment = assignment(view, assignmentId);
        assertThat(assignment.path("status").asText()).isEqualTo("DECLINED");
        assertThat(assignment.path("reason").asText()).isEqualTo("No monitors free this quarter");
        assertThat(assignment.path("respondedAt").asText()).isNotBlank();
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        // declined and its hospital-response clock stopped
        assertThat(version(view)).isEqualTo(version(before) + 2);
    }

    @Test
    void coordinatorReassigningClosesTheOldAssignmentAndOpensAPendingOneAtTheNewHospital() {
        String id = accepted(unique("Reassigned"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);

        JsonNode view = ok(as("coordinator").post(path(id, "assignments", assignmentId, "reassign"),
                Map.of("hospital", "HUS", "reason", "Closer to the sites")));

        assertThat(view.path("assignments")).hasSize(2);
        JsonNode old = assignment(view, assignmentId);
        assertThat(old.path("status").asText()).isEqualTo("REASSIGNED");
        assertThat(old.path("hospital").asText()).isEqualTo("OUS");
        assertThat(old.path("reason").asText()).isEqualTo("Closer to the sites");
        String newId = old.path("replacedBy").asText();
        assertThat(newId).isNotBlank().isNotEqualTo(assignmentId);
        JsonNode replacement = assignment(view, newId);
        assertThat(replacement.path("status").asText()).isEqualTo("PENDING");
        assertThat(replacement.path("hospital").asText()).isEqualTo("HUS");
        assertThat(replacement.path("service").asText()).isEqualTo("MONITORING");
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        // reassigned, old clock stopped, new assignment, its clock started
        assertThat(version(view)).isEqualTo(version(before) + 4);
    }

    @Test
    void coordinatorCancellingAnOpenAssignmentMarksItCancelledWithTheReason() {
        String id = accepted(unique("Cancelled"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignmentId);
        JsonNode before = read("coordinator", id);

        JsonNode view = ok(as("coordinator").post(path(id, "assignments", assignmentId, "cancel"),
                Map.of("reason", "Sponsor monitors the study itself")));

        JsonNode assignment = assignment(view, assignmentId);
        assertThat(assignment.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(assignment.path("reason").asText()).isEqualTo("Sponsor monitors the study itself");
        assertThat(assignment.path("completedAt").asText()).isNotBlank();
        // cancelled and its clock stopped
        assertThat(version(view)).isEqualTo(version(before) + 2);
    }

    @Test
    void hospitalCompletingItsActiveAssignmentMarksItCompletedWithTheSummary() {
        String id = accepted(unique("Assignment completed"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignmentId);
        JsonNode before = read("coordinator", id);

        JsonNode view = ok(as("ous-staff").post(path(id, "assignments", assignmentId, "complete"),
                Map.of("summary", "Monitoring plan and 3 visits delivered")));

        JsonNode assignment = assignment(view, assignmentId);
        assertThat(assignment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(assignment.path("summary").asText()).isEqualTo("Monitoring plan and 3 visits delivered");
        assertThat(assignment.path("completedAt").asText()).isNotBlank();
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        // completed and its delivery clock stopped
        assertThat(version(view)).isEqualTo(version(before) + 2);
    }

    @Test
    void coordinatorCompletingARequestWithoutOpenAssignmentsSetsCompletedWithTheOutcome() {
        String id = accepted(unique("Request completed"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignmentId);
        ok(as("ous-staff").post(path(id, "assignments", assignmentId, "complete"), Map.of("summary", "Done")));
        JsonNode before = read("coordinator", id);

        JsonNode view = ok(as("coordinator").post(path(id, "complete"), Map.of("outcome", "Study fully supported")));

        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.path("outcome").asText()).isEqualTo("Study fully supported");
        assertThat(version(view)).isEqualTo(version(before) + 1);
        assertThat(read("investigator1", id).path("outcome").asText()).isEqualTo("Study fully supported");
    }

    @Test
    void coordinatorMayCompleteAnAcceptedRequestThatNeverHadAssignments() {
        String id = accepted(unique("Completed unassigned"), "GCP_TRAINING");

        JsonNode view = ok(as("coordinator").post(path(id, "complete"), Map.of("outcome", "Advice given by phone")));

        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.path("assignments")).isEmpty();
    }

    @Test
    void ownerWithdrawingASubmittedRequestSetsWithdrawnWithTheReason() {
        String id = submit(unique("Withdrawn"), "MONITORING");

        JsonNode view = ok(as("investigator1").post(path(id, "withdraw"), Map.of("reason", "Study not funded")));

        assertThat(view.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(view.path("withdrawalReason").asText()).isEqualTo("Study not funded");
        // submitted, triage started, withdrawn, triage stopped
        assertThat(version(view)).isEqualTo(3);
        assertThat(read("coordinator", id).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void commentsByOwnerCoordinatorHospitalAndAdminAreShownWithAuthorAndVisibility() {
        String id = accepted(unique("Commented"), "MONITORING");
        assign(id, "MONITORING", "OUS");
        long before = version(read("coordinator", id));

        JsonNode byOwner = ok(as("investigator1").post(path(id, "comments"),
                Map.of("text", "Happy to join a call", "visibility", "PUBLIC")));
        JsonNode byCoordinator = ok(as("coordinator").post(path(id, "comments"),
                Map.of("text", "Check the budget", "visibility", "INTERNAL")));
        JsonNode byHospital = ok(as("ous-staff").post(path(id, "comments"),
                Map.of("text", "We can start in May", "visibility", "PUBLIC")));
        JsonNode byAdmin = ok(as("admin").post(path(id, "comments"),
                Map.of("text", "Operator note", "visibility", "INTERNAL")));

        assertThat(version(byOwner)).isEqualTo(before + 1);
        assertThat(version(byCoordinator)).isEqualTo(before + 2);
        assertThat(version(byHospital)).isEqualTo(before + 3);
        assertThat(version(byAdmin)).isEqualTo(before + 4);
        JsonNode comments = byAdmin.path("comments");
        assertThat(comments).hasSize(4);
        JsonNode first = comments.get(0);
        assertThat(first.path("id").asText()).isNotBlank();
        assertThat(first.path("text").asText()).isEqualTo("Happy to join a call");
        assertThat(first.path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(first.path("author").asText()).isEqualTo("investigator1");
        assertThat(first.path("createdAt").asText()).isNotBlank();
        assertThat(comments.get(1).path("author").asText()).isEqualTo("coordinator");
        assertThat(comments.get(1).path("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(comments.get(2).path("author").asText()).isEqualTo("ous-staff");
        assertThat(comments.get(3).path("author").asText()).isEqualTo("admin");
        assertThat(byAdmin.path("status").asText()).isEqualTo("IN_PROGRESS");
    }
}
