package org.studysupport.web.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EventClock;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TriageQueueApiTest extends PostgresApiTest {

    @AfterEach
    void realTime() {
        EventClock.reset();
    }

    private Workflow flow() {
        return new Workflow(port);
    }

    private List<JsonNode> triage() {
        return Workflow.allItems(as("coordinator"), "/api/queues/triage");
    }

    private Optional<JsonNode> triageItem(String requestId) {
        return triage().stream().filter(item -> item.path("id").asText().equals(requestId)).findFirst();
    }

    private JsonNode inTriage(String requestId) {
        return triageItem(requestId).orElseThrow(() -> new AssertionError(requestId + " is not in triage"));
    }

    private void notInTriage(String requestId) {
        assertThat(triageItem(requestId)).as("%s in triage", requestId).isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void requestLeavesTriageWhenEveryServiceHasAnOpenAssignmentAndComesBackAfterDeclineOrCancellation() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Triage decline " + UUID.randomUUID(), "MONITORING",
                "DATA_MANAGEMENT").path("id").asText();

        JsonNode submitted = inTriage(id);
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(texts(submitted.path("waitingFor"))).containsExactly("NEW_REQUEST");

        flow.accept(id, "HIGH");
        JsonNode accepted = inTriage(id);
        assertThat(texts(accepted.path("waitingFor"))).containsExactly("UNASSIGNED_SERVICE");
        assertThat(texts(accepted.path("unassignedServices"))).containsExactly("MONITORING", "DATA_MANAGEMENT");

        String monitoring = flow.assign(id, "MONITORING", "OUS");
        JsonNode halfAssigned = inTriage(id);
        assertThat(halfAssigned.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(texts(halfAssigned.path("unassignedServices"))).containsExactly("DATA_MANAGEMENT");

        String dataManagement = flow.assign(id, "DATA_MANAGEMENT", "HUS");
        notInTriage(id);

        flow.decline(id, dataManagement, "HUS");
        JsonNode afterDecline = inTriage(id);
        assertThat(texts(afterDecline.path("waitingFor"))).containsExactly("UNASSIGNED_SERVICE");
        assertThat(texts(afterDecline.path("unassignedServices"))).containsExactly("DATA_MANAGEMENT");

        String dataManagementAgain = flow.assign(id, "DATA_MANAGEMENT", "OUS");
        notInTriage(id);

        flow.cancel(id, monitoring);
        JsonNode afterCancel = inTriage(id);
        assertThat(texts(afterCancel.path("waitingFor"))).containsExactly("UNASSIGNED_SERVICE");
        assertThat(texts(afterCancel.path("unassignedServices"))).containsExactly("MONITORING");

        String monitoringAgain = flow.assign(id, "MONITORING", "HUS");
        notInTriage(id);

        // acknowledged (ACTIVE) and then COMPLETED assignments keep their services out of triage
        flow.acknowledge(id, monitoringAgain, "HUS");
        flow.acknowledge(id, dataManagementAgain, "OUS");
        notInTriage(id);
        flow.completeAssignment(id, monitoringAgain, "HUS");
        flow.completeAssignment(id, dataManagementAgain, "OUS");
        notInTriage(id);

        flow.complete(id);
        notInTriage(id);
    }

    @Test
    void reassigningAnAssignmentKeepsTheServiceOutOfTriage() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Triage reassign " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        flow.accept(id, "NORMAL");
        String first = flow.assign(id, "MONITORING", "OUS");
        notInTriage(id);

        flow.reassign(id, first, "HUS");
        notInTriage(id);
    }

    @Test
    void withdrawnRequestLeavesTriage() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Triage withdraw " + UUID.randomUUID(), "MONITORING",
                "BIOBANK").path("id").asText();
        flow.accept(id, "LOW");
        String monitoring = flow.assign(id, "MONITORING", "OUS");
        assertThat(texts(inTriage(id).path("unassignedServices"))).containsExactly("BIOBANK");

        JsonNode withdrawn = flow.withdraw("investigator1", id);
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("assignments").get(0).path("id").asText()).isEqualTo(monitoring);
        assertThat(withdrawn.path("assignments").get(0).path("status").asText()).isEqualTo("CANCELLED");
        notInTriage(id);
    }

    @Test
    void withdrawnSubmittedRequestLeavesTriage() {
        Workflow flow = flow();
        String id = flow.submit("investigator2", "Triage withdraw new " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        inTriage(id);
        flow.withdraw("investigator2", id);
        notInTriage(id);
    }

    @Test
    void rejectedRequestLeavesTriage() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Triage reject " + UUID.randomUUID(), "REGULATORY")
                .path("id").asText();
        inTriage(id);
        flow.reject(id);
        notInTriage(id);
    }

    @Test
    void answerToACoordinatorsQuestionPutsTheRequestInTriageUntilACoordinatorNextActs() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Triage answered " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        flow.accept(id, "NORMAL");
        String assignment = flow.assign(id, "MONITORING", "OUS");
        notInTriage(id);

        String question = flow.ask("coordinator", id, "Which sites take part?");
        assertThat(flow.view("coordinator", id).path("status").asText()).isEqualTo("AWAITING_INFO");
        notInTriage(id);

        flow.answer("investigator1", id, question, "Oslo and Bergen");
        JsonNode answered = inTriage(id);
        assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(texts(answered.path("waitingFor"))).containsExactly("CLARIFICATION_ANSWERED");
        assertThat(answered.path("unassignedServices")).isEmpty();

        // the hospital acting does not take it off the coordinators' queue ...
        flow.acknowledge(id, assignment, "OUS");
        assertThat(texts(inTriage(id).path("waitingFor"))).containsExactly("CLARIFICATION_ANSWERED");

        // ... a coordinator acting does
        flow.comment("coordinator", id, "Thanks, noted.", "PUBLIC");
        notInTriage(id);
    }

    @Test
    void questionAnsweredBeforeAcceptanceWaitsAsNewRequestWithAnsweredClarification() {
        Workflow flow = flow();
        String id = flow.submit("investigator2", "Triage answered new " + UUID.randomUUID(), "BIOBANK")
                .path("id").asText();
        String question = flow.ask("coordinator", id, "Is the biobank approved?");
        notInTriage(id);

        flow.answer("investigator2", id, question, "Yes, since 2025");
        JsonNode answered = inTriage(id);
        assertThat(answered.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(texts(answered.path("waitingFor"))).containsExactlyInAnyOrder("NEW_REQUEST",
                "CLARIFICATION_ANSWERED");

        flow.accept(id, "URGENT");
        JsonNode accepted = inTriage(id);
        assertThat(texts(accepted.path("waitingFor"))).containsExactly("UNASSIGNED_SERVICE");
    }

    @Test
    void answerToAHospitalsQuestionDoesNotPutTheRequestInTriage() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Triage hospital question " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        flow.accept(id, "NORMAL");
        flow.assign(id, "MONITORING", "OUS");
        String question = flow.ask("ous-staff", id, "May we visit the sites in March?");
        notInTriage(id);

        flow.answer("investigator1", id, question, "Yes");
        assertThat(flow.view("coordinator", id).path("status").asText()).isEqualTo("IN_PROGRESS");
        notInTriage(id);
    }

    @Test
    void acceptedRequestWithAnUnassignedServiceStaysInTriageWhileAHospitalsQuestionIsOpen() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Triage open question " + UUID.randomUUID(), "MONITORING",
                "BIOSTATISTICS").path("id").asText();
        flow.accept(id, "NORMAL");
        flow.assign(id, "MONITORING", "OUS");
        flow.ask("ous-staff", id, "Which visit schedule do you plan?");

        assertThat(flow.view("coordinator", id).path("status").asText()).isEqualTo("AWAITING_INFO");
        JsonNode waiting = inTriage(id);
        assertThat(texts(waiting.path("waitingFor"))).containsExactly("UNASSIGNED_SERVICE");
        assertThat(texts(waiting.path("unassignedServices"))).containsExactly("BIOSTATISTICS");

        flow.assign(id, "BIOSTATISTICS", "HUS");
        notInTriage(id);
    }

    @Test
    void triageListsTheEarliestSubmissionFirst() {
        Workflow flow = flow();
        String tag = "Triage order " + UUID.randomUUID();
        // submitted in another order than their submission times
        EventClock.at("2030-06-01T10:00:00Z");
        String middle = flow.submit("investigator1", tag + " middle", "MONITORING").path("id").asText();
        EventClock.at("2030-06-01T09:00:00Z");
        String earliest = flow.submit("investigator2", tag + " earliest", "BIOBANK").path("id").asText();
        EventClock.at("2030-06-01T11:00:00Z");
        String latest = flow.submit("investigator1", tag + " latest", "REGULATORY").path("id").asText();
        EventClock.at("2030-06-01T12:00:00Z");
        flow.accept(earliest, "LOW"); // accepted, a service unassigned: still due since its submission
        EventClock.reset();

        try {
            List<JsonNode> queue = triage();
            List<String> ids = Workflow.ids(queue, "id");
            assertThat(ids).contains(earliest, middle, latest);
            assertThat(ids.indexOf(earliest)).isLessThan(ids.indexOf(middle));
            assertThat(ids.indexOf(middle)).isLessThan(ids.indexOf(latest));

            // the whole queue is in due order: the SLA due time, or the submission until a clock runs
            List<Instant> due = queue.stream().map(item -> Instant.parse(item.path("slaDueAt").isNull()
                    ? item.path("submittedAt").asText() : item.path("slaDueAt").asText())).toList();
            assertThat(due).isSorted();
        } finally {
            flow.reject(middle);
            flow.reject(latest);
            flow.withdraw("investigator2", earliest);
        }
    }

    @Test
    void triageIsPagedAndCountsEveryWaitingRequest() {
        Workflow flow = flow();
        flow.submit("investigator1", "Triage paging " + UUID.randomUUID(), "MONITORING");
        flow.submit("investigator1", "Triage paging " + UUID.randomUUID(), "MONITORING");
        Api coordinator = as("coordinator");

        JsonNode first = coordinator.get("/api/queues/triage?size=1").body();
        long total = first.path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(1);
        assertThat(first.path("items")).hasSize(1);

        JsonNode second = coordinator.get("/api/queues/triage?size=1&page=1").body();
        assertThat(second.path("total").asLong()).isEqualTo(total);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("id").asText())
                .isNotEqualTo(first.path("items").get(0).path("id").asText());

        assertThat(triage()).hasSize((int) total);
        JsonNode beyond = coordinator.get("/api/queues/triage?size=200&page=" + (total / 200 + 1)).body();
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asLong()).isEqualTo(total);

        JsonNode defaults = coordinator.get("/api/queues/triage").body();
        assertThat(defaults.path("size").asInt()).isEqualTo(20);
        assertThat(defaults.path("items").size()).isEqualTo((int) Math.min(20, total));
    }

    @Test
    void onlyCoordinatorsSeeTheTriageQueueAndAuditorsItsPast() {
        assertThat(as("coordinator").get("/api/queues/triage").status()).isEqualTo(200);
        String past = "/api/queues/triage?asOf=2026-01-01T00:00:00Z";
        assertThat(as("coordinator").get(past).status()).isEqualTo(200);
        assertThat(as("auditor").get(past).status()).isEqualTo(200);
        for (String user : List.of("investigator1", "ous-staff", "admin")) {
            assertThat(as(user).get(past).status()).as(user).isEqualTo(403);
        }
        for (String user : List.of("investigator1", "ous-staff", "auditor", "admin")) {
            Api.Answer answer = as(user).get("/api/queues/triage");
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.headers().getContentType()).hasToString("application/problem+json");
        }
        assertThat(anonymous().get("/api/queues/triage").status()).isEqualTo(401);
    }

    @Test
    void triageRefusesBadPagingAndBadMoments() {
        Api coordinator = as("coordinator");
        assertThat(coordinator.get("/api/queues/triage?size=0").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/queues/triage?size=201").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/queues/triage?page=-1").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/queues/triage?size=200").status()).isEqualTo(200);
        Api.Answer asOf = coordinator.get("/api/queues/triage?asOf=yesterday");
        assertThat(asOf.status()).isEqualTo(400);
        assertThat(asOf.body().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
    }
}
