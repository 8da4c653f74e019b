package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLifecycleApiTest extends PostgresApiTest {

    @Test
    void requestWalksFromSubmissionThroughClarificationAssignmentsToCompletion() {
        Api investigator = as("investigator1");
        Api coordinator = as("coordinator");
        Api ous = as("ous-staff");

        Api.Answer submitted = investigator.post("/api/requests", Api.submission("Colchicine after MI",
                "MONITORING", "DATA_MANAGEMENT"));
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.text("id");
        assertThat(submitted.headers().getLocation()).hasToString("/api/requests/" + id);
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.text("reference")).matches("SR-\\d{4}-\\d{5}");
        assertThat(submitted.body().path("version").asLong()).as("submitted, triage clock started").isEqualTo(1);

        Api.Answer asked = coordinator.post("/api/requests/" + id + "/clarifications",
                Map.of("question", "How many sites?"));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.text("status")).isEqualTo("AWAITING_INFO");
        String clarificationId = asked.body().path("clarifications").get(0).path("id").asText();

        Api.Answer answered = investigator.post("/api/requests/" + id + "/clarifications/" + clarificationId
                + "/answer", Map.of("answer", "Eight"));
        assertThat(answered.text("status")).isEqualTo("SUBMITTED");
        assertThat(answered.body().path("clarifications").get(0).path("answer").asText()).isEqualTo("Eight");

        Api.Answer accepted = coordinator.post("/api/requests/" + id + "/accept", Map.of("priority", "HIGH"));
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.text("priority")).isEqualTo("HIGH");

        Api.Answer assigned = coordinator.post("/api/requests/" + id + "/assignments",
                Map.of("service", "MONITORING", "hospital", "OUS"));
        assertThat(assigned.text("status")).isEqualTo("IN_PROGRESS");
        JsonNode assignment = assigned.body().path("assignments").get(0);
        assertThat(assignment.path("status").asText()).isEqualTo("PENDING");
        String assignmentId = assignment.path("id").asText();

        Api.Answer acknowledged = ous.post("/api/requests/" + id + "/assignments/" + assignmentId
                + "/acknowledge", Map.of());
        assertThat(acknowledged.body().path("assignments").get(0).path("status").asText()).isEqualTo("ACTIVE");

        Api.Answer delivered = ous.post("/api/requests/" + id + "/assignments/" + assignmentId + "/complete",
                Map.of("summary", "Monitoring plan delivered"));
        assertThat(delivered.body().path("assignments").get(0).path("status").asText()).isEqualTo("COMPLETED");

        Api.Answer completed = coordinator.post("/api/requests/" + id + "/complete",
                Map.of("outcome", "Study supported"));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");

        Api.Answer afterwards = coordinator.post("/api/requests/" + id + "/accept", Map.of("priority", "LOW"));
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.headers().getContentType()).hasToString("application/problem+json");
    }
}
