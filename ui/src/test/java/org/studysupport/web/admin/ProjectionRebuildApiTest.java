package org.studysupport.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.Api;
import org.studysupport.support.CatchUpProgress;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.ApiTest;
import org.studysupport.support.ReadTables;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/admin/projections} and {@code POST /api/admin/projections/{name}/replay}: what the
 * read models' processors are doing, and a rebuild of the request read model from the log that
 * restores exactly the rows the live path wrote, while every query keeps answering.
 */
class ProjectionRebuildApiTest extends ApiTest {

    private static final String OWN_DATABASE = EmbeddedDatabase.newDatabase();
    /** Hospital-response clocks breach within the test: the rebuild must bring back breached clocks too. */
    private static final String HOSPITAL_RESPONSE_TARGET = "PT2S";

    @Autowired
    JdbcTemplate jdbc;

    /** Its own database: this test damages read rows and rebuilds all of them. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, OWN_DATABASE);
        registry.add("study-support.sla.hospital-response.duration", () -> HOSPITAL_RESPONSE_TARGET);
    }

    @Test
    void theListShowsEachProcessorWithItsPositionLagSegmentsAndErrors() {
        String id = submit(unique("Processor list"), "MONITORING");
        await().atMost(Duration.ofSeconds(20)).until(() -> CatchUpProgress.passed(jdbc, id));
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);

        JsonNode list = ok(as("admin").get("/api/admin/projections"));

        JsonNode live = processor(list, "request-view");
        assertThat(live.path("mode").asText()).isEqualTo("subscribing");
        assertThat(live.path("position").asLong()).isEqualTo(head);
        assertThat(live.path("lag").asLong()).isZero();
        JsonNode catchUp = processor(list, "request-view-catch-up");
        assertThat(catchUp.path("mode").asText()).isEqualTo("pooled");
        assertThat(catchUp.path("readModel").asText()).isEqualTo("request-view");
        assertThat(catchUp.path("segments")).hasSize(4);
        catchUp.path("segments").forEach(segment -> {
            assertThat(segment.path("owner").asText()).isNotBlank();
            assertThat(segment.path("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(segment.path("caughtUp").asBoolean()).isTrue();
        });
        assertThat(catchUp.path("lag").asLong()).isZero();
        assertThat(catchUp.path("replaying").asBoolean()).isFalse();
        assertThat(catchUp.path("errors").path("deadLetters").asLong())
                .as("parked events: %s", ok(as("admin").get("/api/admin/dead-letters")))
                .isZero();
    }

    @Test
    void onlyAdministratorsSeeAndRebuildProjections() {
        for (String user : List.of("coordinator", "auditor", "investigator1", "ous-staff")) {
            assertThat(as(user).get("/api/admin/projections").status()).as(user).isEqualTo(403);
            assertThat(as(user).post("/api/admin/projections/request-view/replay", Map.of()).status()).as(user)
                    .isEqualTo(403);
        }
        Api.Answer unknown = as("admin").post("/api/admin/projections/no-such-view/replay", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aRebuildRestoresExactlyTheRowsTheLivePathWroteWhileQueriesKeepAnswering() {
        Workflow flow = new Workflow(port);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = accepted(unique("Rebuild " + i), "MONITORING", "BIOSTATISTICS");
            String assignment = assign(id, "MONITORING", "OUS");
            if (i % 2 == 0) {
                flow.decline(id, assignment, "OUS");
            }
            if (i % 3 == 0) {
                flow.comment("coordinator", id, "Note " + i, "INTERNAL");
                String question = flow.ask("coordinator", id, "Which sites?");
                flow.answer("investigator1", id, question, "Oslo and Bergen");
            }
            ids.add(id);
        }
        ids.add(submit(unique("Rebuild submitted only"), "REGULATORY"));
        List<String> all = jdbc.queryForList("select cast(id as varchar) from request_view", String.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> CatchUpProgress.passed(jdbc, ids.get(ids.size() - 1)));
        // the assignments not declined breach their hospital-response clocks on their own (HOSPITAL_RESPONSE_TARGET)
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from request_sla_clock"
                + " where clock = 'HOSPITAL_RESPONSE' and state = 'BREACHED'", Long.class) == 20);
        Map<String, Object> before = ReadTables.views(jdbc, all);
        jdbc.update("delete from request_sla_clock where request_id = ?", UUID.fromString(ids.get(1)));
        jdbc.update("update assignment_view set sla_due_at = null, queue_due_at = created_at where request_id = ?",
                UUID.fromString(ids.get(5)));
        String damaged = ids.get(0);
        jdbc.update("update request_view set title = 'Wrong', summary = '{}' where id = ?", UUID.fromString(damaged));
        jdbc.update("delete from request_comment where request_id = ?", UUID.fromString(damaged));
        jdbc.update("delete from triage_history where request_id = ?", UUID.fromString(ids.get(1)));
        String busy = submit(unique("Rebuild busy"), "MONITORING");

        Api.Answer started = as("admin").post("/api/admin/projections/request-view/replay",
                Map.of("reason", "Read rows damaged by a manual fix"));

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.headers().getLocation()).hasToString("/api/admin/projections");
        assertThat(started.body().path("requestedBy").asText()).isEqualTo("admin");
        int comments = 0;
        while (latestRebuild().path("outcome").asText().equals("RUNNING")) {
            assertThat(as("coordinator").get(path(ids.get(comments % ids.size()))).status()).isEqualTo(200);
            flow.comment("coordinator", busy, "During the rebuild " + comments++, "PUBLIC");
        }
        JsonNode finished = latestRebuild();
        assertThat(finished.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(finished.path("reason").asText()).isEqualTo("Read rows damaged by a manual fix");
        assertThat(finished.path("role").asText()).isEqualTo("ADMIN");
        assertThat(finished.path("total").asLong()).isEqualTo(all.size() + 1);
        assertThat(finished.path("done").asLong()).isEqualTo(finished.path("total").asLong());
        assertThat(finished.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(finished.path("finishedAt").isNull()).isFalse();

        assertThat(ReadTables.views(jdbc, all)).isEqualTo(before);
        JsonNode busyView = read("coordinator", busy);
        assertThat(busyView.path("comments")).hasSize(comments);
        // submitted (0), its triage clock started (1), then one event per comment
        assertThat(busyView.path("version").asLong()).isEqualTo(comments + 1);
    }

    @Test
    void aSecondRebuildWaitsForTheFirst() {
        submit(unique("Rebuild twice"), "MONITORING");
        Api admin = as("admin");
        Api.Answer first = admin.post("/api/admin/projections/request-view-catch-up/replay", Map.of());
        Api.Answer second = admin.post("/api/admin/projections/request-view/replay", Map.of());

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().path("outcome").asText()).isEqualTo("RUNNING");
        // the second either found the first running, or came after it finished
        if (second.status() == 409) {
            assertThat(second.headers().getContentType()).hasToString("application/problem+json");
        } else {
            assertThat(second.status()).isEqualTo(202);
            assertThat(second.body().path("id").asText()).isNotEqualTo(first.body().path("id").asText());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !latestRebuild().path("outcome").asText().equals("RUNNING"));
    }

    private JsonNode latestRebuild() {
        return processor(ok(as("admin").get("/api/admin/projections")), "request-view").path("rebuild");
    }

    private static JsonNode processor(JsonNode list, String name) {
        for (JsonNode processor : list) {
            if (processor.path("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + list);
    }
}
