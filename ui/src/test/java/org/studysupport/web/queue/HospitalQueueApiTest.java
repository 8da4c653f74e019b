package org.studysupport.web.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EventClock;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HospitalQueueApiTest extends PostgresApiTest {

    @AfterEach
    void realTime() {
        EventClock.reset();
    }

    private List<JsonNode> queue(String user, String hospital) {
        return Workflow.allItems(as(user), "/api/queues/hospitals/" + hospital);
    }

    private static JsonNode item(List<JsonNode> queue, String assignmentId) {
        return queue.stream().filter(i -> i.path("assignmentId").asText().equals(assignmentId)).findFirst()
                .orElseThrow(() -> new AssertionError(assignmentId + " is not in the queue"));
    }

    @Test
    void hospitalQueueHoldsThePendingAndActiveAssignmentsOfThatHospitalSlaDueFirst() {
        Workflow flow = new Workflow(port);
        String tag = "Hospital queue " + UUID.randomUUID();
        String r1 = flow.submit("investigator1", tag + " one", "MONITORING", "DATA_MANAGEMENT", "BIOBANK")
                .path("id").asText();
        String r2 = flow.submit("investigator2", tag + " two", "REGULATORY", "STUDY_NURSES").path("id").asText();
        String r3 = flow.submit("investigator1", tag + " three", "MONITORING").path("id").asText();
        String r4 = flow.submit("investigator1", tag + " four", "MONITORING", "BIOBANK").path("id").asText();
        flow.accept(r1, "HIGH");
        flow.accept(r2, "LOW");
        flow.accept(r3, "NORMAL");
        flow.accept(r4, "URGENT");
        String a1;
        String a2;
        String a3;
        String a4;
        String a5;
        String a6;
        String a7;
        String a8;
        String a9;
        try {
            EventClock.at("2030-07-01T10:00:00Z");
            a1 = flow.assign(r1, "MONITORING", "OUS");
            EventClock.at("2030-07-01T09:00:00Z");
            a2 = flow.assign(r1, "DATA_MANAGEMENT", "OUS");
            EventClock.at("2030-07-01T11:00:00Z");
            a3 = flow.assign(r1, "BIOBANK", "HUS");
            EventClock.at("2030-07-01T08:00:00Z");
            a4 = flow.assign(r2, "REGULATORY", "OUS");
            EventClock.at("2030-07-01T12:00:00Z");
            flow.acknowledge(r2, a4, "OUS");
            EventClock.at("2030-07-01T13:00:00Z");
            a5 = flow.assign(r2, "STUDY_NURSES", "OUS");
            flow.decline(r2, a5, "OUS");
            EventClock.at("2030-07-01T14:00:00Z");
            a6 = flow.assign(r3, "MONITORING", "OUS");
            flow.acknowledge(r3, a6, "OUS");
            flow.completeAssignment(r3, a6, "OUS");
            EventClock.at("2030-07-01T15:00:00Z");
            a7 = flow.assign(r4, "MONITORING", "OUS");
            flow.cancel(r4, a7);
            EventClock.at("2030-07-01T16:00:00Z");
            a8 = flow.assign(r4, "BIOBANK", "OUS");
            EventClock.at("2030-07-01T17:00:00Z");
            a9 = flow.reassign(r4, a8, "HUS");
        } finally {
            EventClock.reset();
        }

        List<JsonNode> ous = queue("coordinator", "OUS");
        List<String> ousIds = Workflow.ids(ous, "assignmentId");
        assertThat(ousIds).contains(a1, a2, a4).doesNotContain(a3, a5, a6, a7, a8, a9);
        // response clocks (3 working days) of the pending ones, assigned on Monday 1 July 2030 at 09:00
        // and 10:00, come before the active one's delivery clock (40 working days from its 12:00)
        assertThat(ousIds.indexOf(a2)).isLessThan(ousIds.indexOf(a1));
        assertThat(ousIds.indexOf(a1)).isLessThan(ousIds.indexOf(a4));
        assertThat(ous).allSatisfy(i -> {
            assertThat(i.path("hospital").asText()).isEqualTo("OUS");
            assertThat(i.path("status").asText()).isIn("PENDING", "ACTIVE");
        });
        // the whole queue is in due order: the running clock's due time, or the creation time while none runs
        assertThat(ous.stream().map(i -> Instant.parse(i.path("slaDueAt").isNull() ? i.path("createdAt").asText()
                : i.path("slaDueAt").asText())).toList()).isSorted();

        JsonNode active = item(ous, a4);
        JsonNode r2View = flow.view("coordinator", r2);
        assertThat(active.path("requestId").asText()).isEqualTo(r2);
        assertThat(active.path("reference").asText()).isEqualTo(r2View.path("reference").asText());
        assertThat(active.path("title").asText()).isEqualTo(tag + " two");
        assertThat(active.path("acronym").asText()).isEqualTo("ACR");
        assertThat(active.path("requestStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(active.path("priority").asText()).isEqualTo("LOW");
        assertThat(active.path("service").asText()).isEqualTo("REGULATORY");
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("createdAt").asText()).isEqualTo("2030-07-01T08:00:00Z");
        assertThat(active.path("respondedAt").asText()).isEqualTo("2030-07-01T12:00:00Z");
        assertThat(active.path("slaDueAt").asText()).as("its delivery clock: 40 working days, no holiday between")
                .isEqualTo("2030-08-26T12:00:00Z");
        JsonNode pending = item(ous, a1);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("service").asText()).isEqualTo("MONITORING");
        assertThat(pending.path("respondedAt").isNull()).isTrue();
        assertThat(pending.path("slaDueAt").asText()).as("its response clock: Thursday, 3 working days later")
                .isEqualTo("2030-07-04T10:00:00Z");

        List<String> hus = Workflow.ids(queue("coordinator", "HUS"), "assignmentId");
        assertThat(hus).contains(a3, a9).doesNotContain(a1, a2, a4, a8);
        assertThat(hus.indexOf(a3)).isLessThan(hus.indexOf(a9));

        // the hospital's own staff see the same queue as the coordinators
        assertThat(Workflow.ids(queue("ous-staff", "OUS"), "assignmentId")).isEqualTo(ousIds);
        assertThat(Workflow.ids(queue("hus-staff", "HUS"), "assignmentId")).isEqualTo(hus);

        // withdrawing a request cancels its open assignments: they leave the queues
        flow.withdraw("investigator1", r1);
        assertThat(Workflow.ids(queue("ous-staff", "OUS"), "assignmentId")).doesNotContain(a1, a2).contains(a4);
        assertThat(Workflow.ids(queue("hus-staff", "HUS"), "assignmentId")).doesNotContain(a3).contains(a9);

        flow.withdraw("investigator2", r2);
        flow.withdraw("investigator1", r4);
        assertThat(Workflow.ids(queue("ous-staff", "OUS"), "assignmentId")).doesNotContain(a4);
        assertThat(Workflow.ids(queue("hus-staff", "HUS"), "assignmentId")).doesNotContain(a9);
    }

    @Test
    void hospitalQueueIsPagedWithItsTotal() {
        Workflow flow = new Workflow(port);
        String id = flow.submit("investigator1", "Hospital paging " + UUID.randomUUID(), "MONITORING",
                "DATA_MANAGEMENT").path("id").asText();
        flow.accept(id, "NORMAL");
        flow.assign(id, "MONITORING", "HUS");
        flow.assign(id, "DATA_MANAGEMENT", "HUS");
        Api staff = as("hus-staff");

        JsonNode first = staff.get("/api/queues/hospitals/HUS?size=1").body();
        long total = first.path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("size").asInt()).isEqualTo(1);
        JsonNode second = staff.get("/api/queues/hospitals/HUS?size=1&page=1").body();
        assertThat(second.path("total").asLong()).isEqualTo(total);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("assignmentId").asText())
                .isNotEqualTo(first.path("items").get(0).path("assignmentId").asText());
        assertThat(queue("hus-staff", "HUS")).hasSize((int) total);
        assertThat(staff.get("/api/queues/hospitals/HUS?size=201").status()).isEqualTo(400);
        assertThat(staff.get("/api/queues/hospitals/HUS?size=0").status()).isEqualTo(400);

        flow.withdraw("investigator1", id);
        assertThat(staff.get("/api/queues/hospitals/HUS?size=1").body().path("total").asLong())
                .isEqualTo(total - 2);
    }

    @Test
    void hospitalStaffSeeOnlyTheirOwnHospitalsQueue() {
        assertThat(as("ous-staff").get("/api/queues/hospitals/OUS").status()).isEqualTo(200);
        assertThat(as("hus-staff").get("/api/queues/hospitals/HUS").status()).isEqualTo(200);
        Api.Answer otherHospital = as("ous-staff").get("/api/queues/hospitals/HUS");
        assertThat(otherHospital.status()).isEqualTo(403);
        assertThat(otherHospital.headers().getContentType()).hasToString("application/problem+json");
        assertThat(as("hus-staff").get("/api/queues/hospitals/OUS").status()).isEqualTo(403);
        assertThat(as("hus-staff").get("/api/queues/hospitals/STO").status()).isEqualTo(403);
    }

    @Test
    void coordinatorsSeeEveryHospitalsQueue() {
        for (String hospital : List.of("OUS", "AHUS", "HUS", "SUS", "STO", "UNN")) {
            Api.Answer answer = as("coordinator").get("/api/queues/hospitals/" + hospital);
            assertThat(answer.status()).as(hospital).isEqualTo(200);
            assertThat(answer.body().path("items").isArray()).isTrue();
        }
    }

    @Test
    void unknownHospitalIsNotFound() {
        Api.Answer answer = as("coordinator").get("/api/queues/hospitals/NOPE");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().getContentType()).hasToString("application/problem+json");
        assertThat(as("ous-staff").get("/api/queues/hospitals/NOPE").status()).isEqualTo(404);
    }

    @Test
    void investigatorsAuditorsAndAdminsHaveNoHospitalQueue() {
        for (String user : List.of("investigator1", "auditor", "admin")) {
            assertThat(as(user).get("/api/queues/hospitals/OUS").status()).as(user).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/queues/hospitals/OUS").status()).isEqualTo(401);
    }
}
