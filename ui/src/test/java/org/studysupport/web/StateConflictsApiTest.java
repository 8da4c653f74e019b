package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 409: actions that the request's or the assignment's current state does not allow, refused without effect. */
class StateConflictsApiTest extends PostgresApiTest {

    private Api coordinator() {
        return as("coordinator");
    }

    @Test
    void acceptingTwiceIsAConflict() {
        String id = accepted(unique("Accept twice"), "MONITORING");
        JsonNode before = read("coordinator", id);

        JsonNode problem = assertRefused(coordinator().post(path(id, "accept"), Map.of("priority", "HIGH")),
                409, id, before);

        assertThat(read("coordinator", id).path("priority").asText()).isEqualTo("NORMAL");
        assertThat(problem.path("detail").asText()).contains("ACCEPTED");
    }

    @Test
    void rejectingAnAcceptedRequestIsAConflict() {
        String id = accepted(unique("Reject after accept"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "reject"), Map.of("reason", "Changed our mind")), 409, id, before);
    }

    @Test
    void acceptingARequestAwaitingInfoIsAConflict() {
        String id = submit(unique("Accept while awaiting info"), "MONITORING");
        ok(coordinator().post(path(id, "clarifications"), Map.of("question", "Budget?")));
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "accept"), Map.of("priority", "LOW")), 409, id, before);
    }

    @Test
    void assigningBeforeAcceptanceIsAConflict() {
        String id = submit(unique("Assign before accept"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "assignments"), Map.of("service", "MONITORING", "hospital", "OUS")),
                409, id, before);
    }

    @Test
    void assigningAServiceTheRequestDidNotAskForIsAConflict() {
        String id = accepted(unique("Assign unrequested"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "assignments"),
                Map.of("service", "BIOSTATISTICS", "hospital", "OUS")), 409, id, before);
    }

    @Test
    void assigningToAHospitalThatDoesNotOfferTheServiceIsAConflict() {
        String id = accepted(unique("Assign to non-offering"), "BIOSTATISTICS", "REGULATORY");
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "assignments"),
                Map.of("service", "BIOSTATISTICS", "hospital", "SUS")), 409, id, before);
        assertRefused(coordinator().post(path(id, "assignments"),
                Map.of("service", "REGULATORY", "hospital", "AHUS")), 409, id, before);
    }

    @Test
    void aSecondOpenAssignmentForTheSameServiceIsAConflictWhetherTheFirstIsPendingOrActive() {
        String id = accepted(unique("Second open assignment"), "MONITORING");
        String first = assign(id, "MONITORING", "OUS");
        JsonNode pending = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "assignments"), Map.of("service", "MONITORING", "hospital", "HUS")),
                409, id, pending);

        acknowledge("ous-staff", id, first);
        JsonNode active = read("coordinator", id);
        assertRefused(coordinator().post(path(id, "assignments"), Map.of("service", "MONITORING", "hospital", "HUS")),
                409, id, active);
    }

    @Test
    void acknowledgingAnActiveAssignmentIsAConflict() {
        String id = accepted(unique("Acknowledge twice"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignmentId);
        JsonNode before = read("coordinator", id);

        assertRefused(as("ous-staff").post(path(id, "assignments", assignmentId, "acknowledge"), Map.of()),
                409, id, before);
    }

    @Test
    void decliningAnActiveAssignmentIsAConflict() {
        String id = accepted(unique("Decline active"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignmentId);
        JsonNode before = read("coordinator", id);

        assertRefused(as("ous-staff").post(path(id, "assignments", assignmentId, "decline"),
                Map.of("reason", "Too late")), 409, id, before);
    }

    @Test
    void completingAPendingAssignmentIsAConflict() {
        String id = accepted(unique("Complete pending assignment"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);

        assertRefused(as("ous-staff").post(path(id, "assignments", assignmentId, "complete"),
                Map.of("summary", "Done already")), 409, id, before);
    }

    @Test
    void completingTheRequestWhileAnAssignmentIsPendingOrActiveIsAConflict() {
        String id = accepted(unique("Complete with open assignment"), "MONITORING", "DATA_MANAGEMENT");
        String monitoring = assign(id, "MONITORING", "OUS");
        JsonNode pending = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "complete"), Map.of("outcome", "Done")), 409, id, pending);

        acknowledge("ous-staff", id, monitoring);
        JsonNode active = read("coordinator", id);
        assertRefused(coordinator().post(path(id, "complete"), Map.of("outcome", "Done")), 409, id, active);
    }

    @Test
    void completingASubmittedRequestIsAConflict() {
        String id = submit(unique("Complete submitted"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "complete"), Map.of("outcome", "Done")), 409, id, before);
    }

    @Test
    void reassigningToTheSameHospitalIsAConflict() {
        String id = accepted(unique("Reassign same hospital"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "assignments", assignmentId, "reassign"),
                Map.of("hospital", "OUS", "reason", "Try again")), 409, id, before);
    }

    @Test
    void reassigningToAHospitalThatDoesNotOfferTheServiceIsAConflict() {
        String id = accepted(unique("Reassign to non-offering"), "BIOSTATISTICS");
        String assignmentId = assign(id, "BIOSTATISTICS", "OUS");
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "assignments", assignmentId, "reassign"),
                Map.of("hospital", "SUS", "reason", "Closer")), 409, id, before);
    }

    @Test
    void reassigningOrCancellingADeclinedAssignmentIsAConflict() {
        String id = accepted(unique("Act on declined"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        ok(as("ous-staff").post(path(id, "assignments", assignmentId, "decline"), Map.of("reason", "Full")));
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "assignments", assignmentId, "reassign"),
                Map.of("hospital", "HUS", "reason", "Elsewhere")), 409, id, before);
        assertRefused(coordinator().post(path(id, "assignments", assignmentId, "cancel"),
                Map.of("reason", "Not needed")), 409, id, before);
        assertRefused(as("ous-staff").post(path(id, "assignments", assignmentId, "acknowledge"), Map.of()),
                409, id, before);
    }

    @Test
    void answeringAnAlreadyAnsweredClarificationIsAConflict() {
        String id = submit(unique("Answer twice"), "MONITORING");
        JsonNode asked = ok(coordinator().post(path(id, "clarifications"), Map.of("question", "Sites?")));
        String clarificationId = asked.path("clarifications").get(0).path("id").asText();
        ok(as("investigator1").post(path(id, "clarifications", clarificationId, "answer"), Map.of("answer", "Eight")));
        JsonNode before = read("coordinator", id);

        assertRefused(as("investigator1").post(path(id, "clarifications", clarificationId, "answer"),
                Map.of("answer", "Nine")), 409, id, before);
        assertThat(read("investigator1", id).path("clarifications").get(0).path("answer").asText()).isEqualTo("Eight");
    }

    @Test
    void askingWhileAwaitingInfoIsAConflictForCoordinatorAndHospital() {
        String id = accepted(unique("Ask twice"), "MONITORING");
        assign(id, "MONITORING", "OUS");
        ok(coordinator().post(path(id, "clarifications"), Map.of("question", "First question")));
        JsonNode before = read("coordinator", id);

        assertRefused(coordinator().post(path(id, "clarifications"), Map.of("question", "Second question")),
                409, id, before);
        assertRefused(as("ous-staff").post(path(id, "clarifications"), Map.of("question", "Hospital question")),
                409, id, before);
    }

    @Test
    void aCompletedRequestAllowsNothingButComments() {
        String id = accepted(unique("Final completed"), "MONITORING", "DATA_MANAGEMENT");
        String assignmentId = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignmentId);
        ok(as("ous-staff").post(path(id, "assignments", assignmentId, "complete"), Map.of("summary", "Done")));
        ok(coordinator().post(path(id, "complete"), Map.of("outcome", "Partly supported")));

        assertOnlyCommentsAllowed(id, assignmentId, "COMPLETED");
    }

    @Test
    void aRejectedRequestAllowsNothingButComments() {
        String id = submit(unique("Final rejected"), "MONITORING", "DATA_MANAGEMENT");
        ok(coordinator().post(path(id, "reject"), Map.of("reason", "Not in scope")));

        assertOnlyCommentsAllowed(id, null, "REJECTED");
    }

    @Test
    void aWithdrawnRequestAllowsNothingButComments() {
        String id = accepted(unique("Final withdrawn"), "MONITORING", "DATA_MANAGEMENT");
        String assignmentId = assign(id, "MONITORING", "OUS");
        ok(as("investigator1").post(path(id, "withdraw"), Map.of("reason", "Trial cancelled")));

        assertOnlyCommentsAllowed(id, assignmentId, "WITHDRAWN");
    }

    @Test
    void answeringTheOpenQuestionOfARequestWithdrawnWhileAwaitingInfoIsAConflict() {
        String id = submit(unique("Withdrawn while awaiting info"), "MONITORING");
        JsonNode asked = ok(coordinator().post(path(id, "clarifications"), Map.of("question", "Sites?")));
        String clarificationId = asked.path("clarifications").get(0).path("id").asText();
        JsonNode withdrawn = ok(as("investigator1").post(path(id, "withdraw"), Map.of("reason", "No longer needed")));
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");

        assertRefused(as("investigator1").post(path(id, "clarifications", clarificationId, "answer"),
                Map.of("answer", "Eight")), 409, id, withdrawn);
    }

    private void assertOnlyCommentsAllowed(String id, String assignmentId, String finalStatus) {
        JsonNode before = read("coordinator", id);
        assertThat(before.path("status").asText()).isEqualTo(finalStatus);

        assertRefused(coordinator().post(path(id, "clarifications"), Map.of("question", "Anything else?")),
                409, id, before);
        assertRefused(coordinator().post(path(id, "accept"), Map.of("priority", "LOW")), 409, id, before);
        assertRefused(coordinator().post(path(id, "reject"), Map.of("reason", "Late rejection")), 409, id, before);
        assertRefused(coordinator().post(path(id, "assignments"),
                Map.of("service", "DATA_MANAGEMENT", "hospital", "OUS")), 409, id, before);
        assertRefused(coordinator().post(path(id, "complete"), Map.of("outcome", "Again")), 409, id, before);
        assertRefused(as("investigator1").post(path(id, "withdraw"), Map.of("reason", "Late withdrawal")),
                409, id, before);
        if (assignmentId != null) {
            String assignment = "assignments/" + assignmentId;
            assertRefused(as("ous-staff").post(path(id, assignment, "acknowledge"), Map.of()), 409, id, before);
            assertRefused(as("ous-staff").post(path(id, assignment, "decline"), Map.of("reason", "No")),
                    409, id, before);
            assertRefused(as("ous-staff").post(path(id, assignment, "complete"), Map.of("summary", "More")),
                    409, id, before);
            assertRefused(coordinator().post(path(id, assignment, "reassign"),
                    Map.of("hospital", "HUS", "reason", "Elsewhere")), 409, id, before);
            assertRefused(coordinator().post(path(id, assignment, "cancel"), Map.of("reason", "Stop")),
                    409, id, before);
        }

        JsonNode commented = ok(as("investigator1").post(path(id, "comments"),
                Map.of("text", "Thanks for the help", "visibility", "PUBLIC")));
        assertThat(commented.path("status").asText()).isEqualTo(finalStatus);
        assertThat(commented.path("version").asLong()).isEqualTo(before.path("version").asLong() + 1);
        JsonNode internal = ok(coordinator().post(path(id, "comments"),
                Map.of("text", "Closed file", "visibility", "INTERNAL")));
        assertThat(internal.path("status").asText()).isEqualTo(finalStatus);
        assertThat(internal.path("comments")).hasSize(before.path("comments").size() + 2);
    }
}
