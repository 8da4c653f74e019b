package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.PostgresApiTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.support.ProblemAssert.assertProblem;

/** 403 for a role that may not act, 404 for what the caller may not see; both without effect. */
class AccessRefusalsApiTest extends PostgresApiTest {

    @Test
    void investigatorMayNotAcceptOrRejectEvenTheirOwnRequest() {
        String id = submit(unique("Investigator accepts"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertRefused(as("investigator1").post(path(id, "accept"), Map.of("priority", "URGENT")), 403, id, before);
        assertRefused(as("investigator1").post(path(id, "reject"), Map.of("reason", "Never mind")), 403, id, before);
    }

    @Test
    void hospitalStaffMayNotAssignRejectOrCompleteRequests() {
        String id = accepted(unique("Hospital assigns"), "MONITORING", "DATA_MANAGEMENT");
        String assignmentId = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);

        assertRefused(as("ous-staff").post(path(id, "assignments"),
                Map.of("service", "DATA_MANAGEMENT", "hospital", "OUS")), 403, id, before);
        assertRefused(as("ous-staff").post(path(id, "assignments", assignmentId, "reassign"),
                Map.of("hospital", "HUS", "reason", "Too busy")), 403, id, before);
        assertRefused(as("ous-staff").post(path(id, "assignments", assignmentId, "cancel"),
                Map.of("reason", "Too busy")), 403, id, before);
        assertRefused(as("ous-staff").post(path(id, "complete"), Map.of("outcome", "Done")), 403, id, before);
    }

    @Test
    void auditorMayReadButNotCommentOrAct() {
        String id = accepted(unique("Auditor acts"), "MONITORING");
        JsonNode before = read("coordinator", id);
        assertThat(read("auditor", id).path("id").asText()).isEqualTo(id);

        assertRefused(as("auditor").post(path(id, "comments"), Map.of("text", "Looks fine", "visibility", "PUBLIC")),
                403, id, before);
        assertRefused(as("auditor").post(path(id, "comments"), Map.of("text", "Audit note", "visibility", "INTERNAL")),
                403, id, before);
        assertRefused(as("auditor").post(path(id, "assignments"), Map.of("service", "MONITORING", "hospital", "OUS")),
                403, id, before);
        assertRefused(as("auditor").post(path(id, "clarifications"), Map.of("question", "Why?")), 403, id, before);
        assertRefused(as("auditor").post(path(id, "withdraw"), Map.of("reason", "Audit")), 403, id, before);
    }

    @Test
    void auditorMayNotSubmitRequests() {
        assertProblem(as("auditor").post("/api/requests", org.studysupport.support.Api.submission(
                unique("Auditor submits"), "MONITORING")), 403);
        assertProblem(as("coordinator").post("/api/requests", org.studysupport.support.Api.submission(
                unique("Coordinator submits"), "MONITORING")), 403);
    }

    @Test
    void coordinatorMayNotWithdrawNorAnswerForTheInvestigator() {
        String id = submit(unique("Coordinator withdraws"), "MONITORING");
        JsonNode asked = ok(as("coordinator").post(path(id, "clarifications"), Map.of("question", "Sites?")));
        String clarificationId = asked.path("clarifications").get(0).path("id").asText();

        assertRefused(as("coordinator").post(path(id, "withdraw"), Map.of("reason", "Stale")), 403, id, asked);
        assertRefused(as("coordinator").post(path(id, "clarifications", clarificationId, "answer"),
                Map.of("answer", "Eight")), 403, id, asked);
    }

    @Test
    void hospitalMayNotActOnAnotherHospitalsAssignmentOfARequestItCanSee() {
        String id = accepted(unique("Other hospital's assignment"), "MONITORING", "DATA_MANAGEMENT");
        String ousAssignment = assign(id, "MONITORING", "OUS");
        assign(id, "DATA_MANAGEMENT", "HUS");
        JsonNode before = read("coordinator", id);
        assertThat(read("hus-staff", id).path("id").asText()).isEqualTo(id);

        assertRefused(as("hus-staff").post(path(id, "assignments", ousAssignment, "acknowledge"), Map.of()),
                403, id, before);
        assertRefused(as("hus-staff").post(path(id, "assignments", ousAssignment, "decline"),
                Map.of("reason", "Not ours")), 403, id, before);

        acknowledge("ous-staff", id, ousAssignment);
        JsonNode active = read("coordinator", id);
        assertRefused(as("hus-staff").post(path(id, "assignments", ousAssignment, "complete"),
                Map.of("summary", "Done by HUS")), 403, id, active);
    }

    @Test
    void investigatorMayNotWriteInternalComments() {
        String id = submit(unique("Investigator internal comment"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertRefused(as("investigator1").post(path(id, "comments"),
                Map.of("text", "Secret", "visibility", "INTERNAL")), 403, id, before);
    }

    @Test
    void investigatorMayNotActOnAssignments() {
        String id = accepted(unique("Investigator acknowledges"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);

        assertRefused(as("investigator1").post(path(id, "assignments", assignmentId, "acknowledge"), Map.of()),
                403, id, before);
        assertRefused(as("investigator1").post(path(id, "assignments", assignmentId, "cancel"),
                Map.of("reason", "Not needed")), 403, id, before);
    }

    @Test
    void hospitalWhoseAssignmentIsClosedMayNotAskForClarification() {
        String id = accepted(unique("Closed hospital asks"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        ok(as("ous-staff").post(path(id, "assignments", assignmentId, "decline"), Map.of("reason", "Full")));
        JsonNode before = read("coordinator", id);

        assertRefused(as("ous-staff").post(path(id, "clarifications"), Map.of("question", "Still there?")),
                403, id, before);
    }

    @Test
    void anotherInvestigatorCannotSeeNorActOnTheRequest() {
        String id = submit(unique("Other investigator"), "MONITORING");
        JsonNode asked = ok(as("coordinator").post(path(id, "clarifications"), Map.of("question", "Sites?")));
        String clarificationId = asked.path("clarifications").get(0).path("id").asText();

        assertRefused(as("investigator2").get(path(id)), 404, id, asked);
        assertRefused(as("investigator2").post(path(id, "clarifications", clarificationId, "answer"),
                Map.of("answer", "Hijacked")), 404, id, asked);
        assertRefused(as("investigator2").post(path(id, "withdraw"), Map.of("reason", "Not mine")), 404, id, asked);
        assertRefused(as("investigator2").post(path(id, "comments"), Map.of("text", "Hi", "visibility", "PUBLIC")),
                404, id, asked);
    }

    @Test
    void hospitalWithoutAnAssignmentCannotSeeNorActOnTheRequest() {
        String id = accepted(unique("Hospital without assignment"), "MONITORING");
        String ousAssignment = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);

        assertRefused(as("hus-staff").get(path(id)), 404, id, before);
        assertRefused(as("hus-staff").post(path(id, "assignments", ousAssignment, "acknowledge"), Map.of()),
                404, id, before);
        assertRefused(as("hus-staff").post(path(id, "comments"), Map.of("text", "Hello", "visibility", "PUBLIC")),
                404, id, before);
        assertRefused(as("hus-staff").post(path(id, "clarifications"), Map.of("question", "Who are you?")),
                404, id, before);
    }

    @Test
    void hospitalCannotSeeASubmittedRequestBeforeAnyAssignment() {
        String id = submit(unique("Hospital before assignment"), "MONITORING");

        assertProblem(as("ous-staff").get(path(id)), 404);
    }

    @Test
    void unknownRequestIdIsNotFoundForReadingAndActing() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(as("coordinator").get(path(unknown)), 404);
        assertProblem(as("auditor").get(path(unknown)), 404);
        assertProblem(as("coordinator").post(path(unknown, "accept"), Map.of("priority", "HIGH")), 404);
        assertProblem(as("investigator1").post(path(unknown, "withdraw"), Map.of("reason", "Gone")), 404);
        assertProblem(as("coordinator").post(path(unknown, "comments"),
                Map.of("text", "Anyone?", "visibility", "PUBLIC")), 404);
    }

    @Test
    void unknownAssignmentIdIsNotFound() {
        String id = accepted(unique("Unknown assignment"), "MONITORING");
        assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);
        String unknown = UUID.randomUUID().toString();

        assertRefused(as("ous-staff").post(path(id, "assignments", unknown, "acknowledge"), Map.of()),
                404, id, before);
        assertRefused(as("coordinator").post(path(id, "assignments", unknown, "cancel"), Map.of("reason", "x")),
                404, id, before);
        assertRefused(as("coordinator").post(path(id, "assignments", unknown, "reassign"),
                Map.of("hospital", "HUS", "reason", "x")), 404, id, before);
    }

    @Test
    void unknownClarificationIdIsNotFound() {
        String id = submit(unique("Unknown clarification"), "MONITORING");
        JsonNode asked = ok(as("coordinator").post(path(id, "clarifications"), Map.of("question", "Sites?")));

        assertRefused(as("investigator1").post(path(id, "clarifications", UUID.randomUUID().toString(), "answer"),
                Map.of("answer", "Eight")), 404, id, asked);
    }
}
