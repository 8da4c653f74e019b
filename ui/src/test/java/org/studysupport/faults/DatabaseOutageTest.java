package org.studysupport.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.Api;
import org.studysupport.support.ProblemAssert;
import org.studysupport.support.RunningApplication;
import org.studysupport.support.StoppablePostgres;
import org.studysupport.support.StoreConsistency;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stopped under a running node, with submissions under way, and started again:
 * meanwhile every request is answered 503 problem details with {@code Retry-After} and health is
 * DOWN; nothing is half-written; when the database is back the node recovers by itself, without a
 * restart: requests succeed again, the catch-up processor reaches the head of the log, and the
 * deadlines that fell due during the outage fire.
 */
@Tag("faults")
class DatabaseOutageTest {

    /** A triage target short enough for its warning and breach to fall due while the database is down. */
    private static final Duration TRIAGE_TARGET = Duration.ofSeconds(12);
    private static final Map<String, Object> SETTINGS = Map.of(
            "study-support.node-id", "outage-node",
            "study-support.sla.triage.duration", "PT12S",
            // a request waits at most a second for a connection while the database is down
            "spring.datasource.hikari.connection-timeout", "1000",
            "spring.datasource.hikari.validation-timeout", "500");
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final String CATCH_UP = "request-view-catch-up";

    @Test
    void requestsAnswer503WhileTheDatabaseIsDownAndTheNodeRecoversByItselfWhenItReturns() {
        try (StoppablePostgres database = StoppablePostgres.start();
             RunningApplication node = RunningApplication.onPostgres(database.jdbcUrl(), SETTINGS)) {
            Workflow flow = new Workflow(node.port());
            String left = flow.submit("investigator1", "Left waiting through an outage", "MONITORING")
                    .path("id").asText();
            Instant breachDue = Instant.now().plus(TRIAGE_TARGET);
            String toAccept = flow.submit("investigator2", "Accepted after an outage", "BIOSTATISTICS")
                    .path("id").asText();

            List<Api.Answer> duringOutage = new ArrayList<>();
            try (SubmissionLoad load = new SubmissionLoad(3, node::port)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> load.created() >= 5);
                database.stop();

                Api coordinator = node.as("coordinator");
                duringOutage.add(coordinator.get("/api/requests/" + toAccept));
                duringOutage.add(coordinator.get("/api/requests?status=SUBMITTED"));
                duringOutage.add(coordinator.post("/api/requests/" + toAccept + "/accept", Map.of("priority", "HIGH")));
                duringOutage.add(node.as("investigator1").post("/api/requests",
                        Api.submission("Submitted while the database is down", "MONITORING")));
                for (Api.Answer answer : duringOutage) {
                    JsonNode problem = ProblemAssert.assertProblem(answer, 503);
                    assertThat(problem.path("type").asText()).isEqualTo("/problems/database-unavailable");
                    assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("5");
                }
                Api.Answer health = Api.anonymous(node.port()).get("/actuator/health");
                assertThat(health.status()).as("health while the database is down").isEqualTo(503);
                assertThat(health.text("status")).isEqualTo("DOWN");
                assertThat(Api.anonymous(node.port()).get("/actuator/health/liveness").status())
                        .as("liveness while the database is down: the node needs no restart").isEqualTo(200);
                assertThat(Api.anonymous(node.port()).get("/actuator/health/readiness").status())
                        .as("readiness while the database is down: every node shares it").isEqualTo(200);

                // stay down until the waiting request's warning and breach have fallen due
                await().atMost(TRIAGE_TARGET.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Instant.now().isAfter(breachDue.plusSeconds(1)));
                long createdBeforeReturn = load.created();
                database.startAgain();

                await().atMost(RECOVERY).until(() -> coordinator.get("/api/requests/" + toAccept).status() == 200);
                await().atMost(RECOVERY).until(() -> load.created() >= createdBeforeReturn + 5);
                load.close();
                assertThat(load.statuses().keySet()).as("every submission answered 201 or, while the database"
                        + " was down, 503: " + load.statuses()).containsOnly(201, 503);
                assertThat(load.statuses()).as("some submissions were refused during the outage")
                        .containsKey(503);
                assertStoredWholeOrNotAtAll(node.jdbc(), load.attempts());
            }

            assertThat(flow.accept(toAccept, "HIGH").path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(flow.submit("investigator1", "Submitted after the outage", "MONITORING")
                    .path("reference").asText()).matches("SR-\\d{4}-\\d{5}");
            await().atMost(RECOVERY).until(() -> types(flow.as("auditor").get("/api/requests/" + left + "/history"))
                    .contains("RequestEscalated"));
            assertThat(types(flow.as("auditor").get("/api/requests/" + left + "/history")))
                    .as("the deadlines due during the outage fired once it was over")
                    .containsSubsequence("SlaWarningRaised", "SlaClockBreached", "RequestEscalated");

            long head = node.jdbc().queryForObject("select max(global_index) from domain_event_entry", Long.class);
            StreamingEventProcessor catchUp = node.bean(EventProcessingConfiguration.class)
                    .eventProcessor(CATCH_UP, StreamingEventProcessor.class).orElseThrow();
            await().atMost(RECOVERY).untilAsserted(() -> {
                assertThat(catchUp.isRunning()).as("the catch-up processor runs").isTrue();
                assertThat(catchUp.processingStatus()).as("the catch-up processor's segments").hasSize(4);
                for (EventTrackerStatus segment : catchUp.processingStatus().values()) {
                    assertThat(segment.isErrorState()).isFalse();
                    assertThat(segment.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head);
                }
            });
            StoreConsistency.assertViewsAgreeWithEvents(node.jdbc());
            StoreConsistency.assertReferencesUnique(node.jdbc());
            assertThat(Api.anonymous(node.port()).get("/actuator/health").text("status")).isEqualTo("UP");
        }
    }

    /** A submission answered 201 is stored once; one refused is stored once or not at all. */
    static void assertStoredWholeOrNotAtAll(JdbcTemplate jdbc, List<SubmissionLoad.Attempt> attempts) {
        for (SubmissionLoad.Attempt attempt : attempts) {
            List<Map<String, Object>> views = jdbc.queryForList(
                    "select cast(id as varchar) as id, reference from request_view where title = ?", attempt.title());
            if (attempt.created()) {
                assertThat(views).as("the view of '" + attempt.title() + "', answered 201").hasSize(1);
                assertThat(views.get(0)).containsEntry("id", attempt.requestId())
                        .containsEntry("reference", attempt.reference());
            } else {
                assertThat(views).as("the views of '" + attempt.title() + "', answered " + attempt.status())
                        .hasSizeLessThanOrEqualTo(1);
            }
        }
        StoreConsistency.assertViewsAgreeWithEvents(jdbc);
    }

    private static List<String> types(Api.Answer history) {
        List<String> types = new ArrayList<>();
        if (history.status() == 200) {
            history.body().forEach(entry -> types.add(entry.path("type").asText()));
        }
        return types;
    }
}
