package org.studysupport.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import org.studysupport.support.Api;
import org.studysupport.support.RunningApplication;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request walked part way (submitted, accepted, assigned to OUS, acknowledged) in one run of the
 * application, as the coordinator saw it then; and the checks that a later run on the same store
 * shows it unchanged and can finish it.
 */
record PartWalkedRequest(String id, String reference, String assignmentId, JsonNode viewBeforeRestart) {

    static PartWalkedRequest walk(RunningApplication app, String title) {
        Api.Answer submitted = app.as("investigator1").post("/api/requests", Api.submission(title, "MONITORING"));
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.text("id");
        String path = "/api/requests/" + id;

        Api coordinator = app.as("coordinator");
        assertThat(coordinator.post(path + "/accept", Map.of("priority", "HIGH")).text("status"))
                .isEqualTo("ACCEPTED");
        Api.Answer assigned = coordinator.post(path + "/assignments", Map.of("service", "MONITORING", "hospital", "OUS"));
        assertThat(assigned.text("status")).isEqualTo("IN_PROGRESS");
        String assignmentId = assigned.body().path("assignments").get(0).path("id").asText();
        Api.Answer acknowledged = app.as("ous-staff").post(path + "/assignments/" + assignmentId + "/acknowledge", Map.of());
        assertThat(acknowledged.status()).isEqualTo(200);

        Api.Answer view = coordinator.get(path);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.text("status")).isEqualTo("IN_PROGRESS");
        // each step's events and the clock events right after them: triage started and stopped,
        // hospital response started and stopped, delivery started
        assertThat(view.body().path("version").asLong()).isEqualTo(8);
        assertThat(view.body().path("assignments").get(0).path("status").asText()).isEqualTo("ACTIVE");
        return new PartWalkedRequest(id, submitted.text("reference"), assignmentId, view.body());
    }

    /** In a new run: the request reads as before, takes new commands, and numbering continues. */
    void assertIntactAndFinishableIn(RunningApplication app) {
        String path = "/api/requests/" + id;
        Api coordinator = app.as("coordinator");

        Api.Answer after = coordinator.get(path);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text("reference")).isEqualTo(reference);
        assertThat(after.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(after.body().path("version").asLong()).isEqualTo(8);
        assertThat(after.body().path("assignments")).isEqualTo(viewBeforeRestart.path("assignments"));
        assertThat(after.body()).isEqualTo(viewBeforeRestart);

        Api.Answer delivered = app.as("ous-staff").post(path + "/assignments/" + assignmentId + "/complete",
                Map.of("summary", "Monitoring plan delivered"));
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.body().path("version").asLong()).as("completed, delivery stopped").isEqualTo(10);
        assertThat(delivered.body().path("assignments").get(0).path("status").asText()).isEqualTo("COMPLETED");

        Api.Answer completed = coordinator.post(path + "/complete", Map.of("outcome", "Study supported"));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(completed.body().path("version").asLong()).isEqualTo(11);

        Api.Answer next = app.as("investigator2").post("/api/requests", Api.submission("Submitted after restart",
                "BIOSTATISTICS"));
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.text("reference")).isEqualTo(followingReference(reference));
    }

    /** SR-2026-00007 → SR-2026-00008 */
    static String followingReference(String reference) {
        int dash = reference.lastIndexOf('-');
        long number = Long.parseLong(reference.substring(dash + 1));
        return reference.substring(0, dash + 1) + String.format("%05d", number + 1);
    }
}
