package org.studysupport.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;
import org.studysupport.support.Workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clocks' deadlines on the real deadline manager (db-scheduler on PostgreSQL), with a triage
 * target of two seconds: a request breaches and escalates on its own, recorded by the system; a
 * paused one does not; a deadline that fell due while the application was stopped fires when it
 * starts again; with two nodes on one database, each deadline runs once; a pause while a node runs
 * one of the clock's deadlines cancels the others and is not refused.
 */
class SlaDeadlinesTest {

    private static final Map<String, Object> TWO_SECOND_TRIAGE = Map.of("study-support.sla.triage.duration", "PT2S");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aRequestBreachesAndEscalatesOnItsOwnWhileAPausedOneDoesNot() {
        try (RunningApplication app = RunningApplication.onPostgres(EmbeddedDatabase.newDatabase(),
                TWO_SECOND_TRIAGE)) {
            assertThat(app.bean(DeadlineManager.class)).as("durable deadlines, not the in-memory manager")
                    .isInstanceOf(DbSchedulerDeadlineManager.class);
            Workflow flow = new Workflow(app.port());
            String left = flow.submit("investigator1", "Left waiting", "MONITORING").path("id").asText();
            String paused = flow.submit("investigator1", "Waiting for an answer", "MONITORING").path("id").asText();
            flow.ask("coordinator", paused, "How many sites?");

            await().atMost(WAIT).until(() -> types(history(app, left)).contains("RequestEscalated"));
            JsonNode history = history(app, left);
            assertThat(types(history)).containsExactly("RequestSubmitted", "SlaClockStarted", "SlaWarningRaised",
                    "SlaClockBreached", "RequestEscalated");
            JsonNode started = history.get(1);
            Instant dueAt = Instant.parse(started.path("data").path("dueAt").asText());
            for (JsonNode entry : List.of(history.get(2), history.get(3), history.get(4))) {
                assertThat(entry.path("actor").path("id").asText()).isEqualTo("system");
                assertThat(entry.path("actor").path("role").asText()).isEqualTo("SYSTEM");
                assertThat(entry.path("data").path("clock").asText()).isEqualTo("TRIAGE");
            }
            assertThat(history.get(2).path("reason").asText()).isEqualTo("75 % of the TRIAGE target elapsed");
            assertThat(history.get(3).path("reason").asText()).isEqualTo("The TRIAGE target elapsed");
            assertThat(Instant.parse(history.get(3).path("occurredAt").asText()))
                    .as("the breach within a couple of seconds of its due time")
                    .isBetween(dueAt, dueAt.plusSeconds(3));

            Map<String, Object> breachMetaData = metaData(app, left, "SlaClockBreached");
            assertThat(breachMetaData.get("correlationId")).as("caused by its deadline").isNotNull();
            assertThat(breachMetaData.get("traceId")).as("traced to the submission that scheduled it")
                    .isEqualTo(metaData(app, left, "RequestSubmitted").get("traceId"));

            assertThat(types(history(app, paused))).containsExactly("RequestSubmitted", "SlaClockStarted",
                    "ClarificationRequested", "SlaClockPaused");
            assertThat(app.jdbc().queryForObject("select count(*) from scheduled_tasks", Long.class))
                    .as("the breached clock's deadlines ran, the paused clock's were cancelled").isZero();
        }
    }

    @Test
    void aDeadlineDueWhileTheApplicationWasStoppedFiresWhenItStarts() {
        String database = EmbeddedDatabase.newDatabase();
        String id;
        Instant dueAt;
        try (RunningApplication first = RunningApplication.onPostgres(database, TWO_SECOND_TRIAGE)) {
            id = new Workflow(first.port()).submit("investigator1", "Submitted before the restart", "MONITORING")
                    .path("id").asText();
            JsonNode history = history(first, id);
            dueAt = Instant.parse(history.get(1).path("data").path("dueAt").asText());
            assertThat(types(history)).containsExactly("RequestSubmitted", "SlaClockStarted");
        }
        // the deadlines fall due while no application runs
        await().atMost(WAIT).until(() -> Instant.now().isAfter(dueAt.plusMillis(500)));
        try (RunningApplication second = RunningApplication.onPostgres(database, TWO_SECOND_TRIAGE)) {
            assertThat(Instant.now()).as("the due time passed while the application was down").isAfter(dueAt);
            await().atMost(WAIT).until(() -> types(history(second, id)).contains("RequestEscalated"));
            assertThat(types(history(second, id))).containsExactly("RequestSubmitted", "SlaClockStarted",
                    "SlaWarningRaised", "SlaClockBreached", "RequestEscalated");
        }
    }

    @Test
    void withTwoNodesOnOneDatabaseEachDeadlineRunsOnce() {
        String database = EmbeddedDatabase.newDatabase();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        try (RunningApplication a = RunningApplication.onPostgres(database, nodeSettings("node-a"));
             RunningApplication b = RunningApplication.onPostgres(database, nodeSettings("node-b"))) {
            a.bean(DeadlineManager.class).registerHandlerInterceptor(counting(runs));
            b.bean(DeadlineManager.class).registerHandlerInterceptor(counting(runs));
            Workflow throughA = new Workflow(a.port());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(throughA.submit("investigator1", "Two nodes " + i, "MONITORING").path("id").asText());
            }

            await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> types(history(a, id))
                    .contains("RequestEscalated")));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 12);
            assertThat(runs.values()).as("each of the 12 deadlines ran once, on one node")
                    .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            for (String id : ids) {
                assertThat(types(history(b, id))).containsExactly("RequestSubmitted", "SlaClockStarted",
                        "SlaWarningRaised", "SlaClockBreached", "RequestEscalated");
            }
        }
    }

    @Test
    void aPauseWhileANodeRunsOneOfTheClocksDeadlinesCancelsTheOthersAndSucceeds() {
        try (RunningApplication app = RunningApplication.onPostgres(EmbeddedDatabase.newDatabase(),
                Map.of("study-support.sla.triage.duration", "PT1M"))) {
            Workflow flow = new Workflow(app.port());
            String id = flow.submit("investigator1", "Breach under way", "MONITORING").path("id").asText();
            // as a node does when it takes the execution to run it
            int picked = app.jdbc().update("update scheduled_tasks set picked = true, picked_by = 'another-node',"
                    + " last_heartbeat = now() where task_instance in"
                    + " (select schedule_id from sla_deadline where request_id = ? and deadline_name = 'sla-breach')",
                    UUID.fromString(id));
            assertThat(picked).isEqualTo(1);

            Api.Answer asked = app.as("coordinator").post("/api/requests/" + id + "/clarifications",
                    Map.of("question", "Which sites?"));

            assertThat(asked.status()).as("the pause is not refused for the running execution").isEqualTo(200);
            assertThat(types(history(app, id))).containsExactly("RequestSubmitted", "SlaClockStarted",
                    "ClarificationRequested", "SlaClockPaused");
            assertThat(app.jdbc().queryForList("select picked from scheduled_tasks", Boolean.class))
                    .as("the warning's execution cancelled, the running breach left to finish").containsExactly(true);
            assertThat(app.jdbc().queryForObject("select count(*) from sla_deadline", Long.class)).isZero();
        }
    }

    private static Map<String, Object> nodeSettings(String nodeId) {
        return Map.of("study-support.sla.triage.duration", "PT2S", "study-support.node-id", nodeId);
    }

    /** Counts the deadline executions on a node by their message's identity (the same on every node). */
    private static MessageHandlerInterceptor<DeadlineMessage<?>> counting(Map<String, AtomicInteger> runs) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                runs.computeIfAbsent(unitOfWork.getMessage().getIdentifier(), key -> new AtomicInteger())
                        .incrementAndGet();
                return chain.proceed();
            }
        };
    }

    /** The stored metadata of the request's event of the given type, as JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> metaData(RunningApplication app, String id, String type) {
        byte[] json = app.jdbc().queryForObject("select meta_data from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like ?", byte[].class, id, "%." + type);
        try {
            return new ObjectMapper().readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode history(RunningApplication app, String id) {
        Api.Answer answer = app.as("auditor").get("/api/requests/" + id + "/history");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }
}
