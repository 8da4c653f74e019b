package org.studysupport.web.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.sla.Clock;
import org.studysupport.support.EventClock;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.SlaEvents;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-level clocks on the read side, with clock events put into the store as the live path
 * does: the request view's {@code sla} and {@code escalated}, the request as of a moment before and
 * after a breach, the triage queue with escalations and in due order, the hospital queue and the
 * list sorted by due time. Times are in 2041, which no other test writes to.
 */
class SlaViewsApiTest extends PostgresApiTest {

    private static final Instant T0 = Instant.parse("2041-02-04T08:00:00Z");

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;

    @AfterEach
    void realTime() {
        EventClock.reset();
    }

    private SlaEvents sla() {
        return new SlaEvents(eventStore, transactionManager);
    }

    private String submittedAt(Instant at, String title, String... services) {
        EventClock.at(at);
        return new Workflow(port).submit("investigator1", unique(title), services).path("id").asText();
    }

    private List<JsonNode> triage() {
        return Workflow.allItems(as("coordinator"), "/api/queues/triage");
    }

    private Optional<JsonNode> triageItem(String requestId) {
        return triage().stream().filter(item -> item.path("id").asText().equals(requestId)).findFirst();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private JsonNode asOf(String id, Instant at) {
        return ok(as("coordinator").get(path(id) + "?asOf=" + at));
    }

    @Test
    void theViewShowsTheTriageClockRunningThenBreachedAndEscalatedAndAsOfAnyMomentBetween() {
        String id = submittedAt(T0, "Clock view", "MONITORING");
        sla().triageStarted(id, T0, Duration.ofHours(1));

        JsonNode running = read("coordinator", id);
        assertThat(running.path("sla")).hasSize(1);
        JsonNode clock = running.path("sla").get(0);
        assertThat(clock.path("clock").asText()).isEqualTo("TRIAGE");
        assertThat(clock.path("state").asText()).isEqualTo("RUNNING");
        assertThat(clock.path("dueAt").asText()).isEqualTo("2041-02-04T09:00:00Z");
        assertThat(clock.path("stoppedAt").isNull()).isTrue();
        assertThat(clock.path("startedAt").asText()).isEqualTo("2041-02-04T08:00:00Z");
        assertThat(clock.path("assignmentId").isNull()).isTrue();
        assertThat(running.path("escalated").asBoolean()).isFalse();
        assertThat(texts(triageItem(id).orElseThrow().path("waitingFor"))).containsExactly("NEW_REQUEST");
        assertThat(triageItem(id).orElseThrow().path("slaDueAt").asText()).isEqualTo("2041-02-04T09:00:00Z");

        Instant due = T0.plus(Duration.ofHours(1));
        sla().breached(id, Clock.TRIAGE, null, null, due);

        JsonNode breached = read("coordinator", id);
        assertThat(breached.path("sla").get(0).path("state").asText()).isEqualTo("BREACHED");
        assertThat(breached.path("sla").get(0).path("breachedAt").asText()).isEqualTo("2041-02-04T09:00:00Z");
        assertThat(breached.path("sla").get(0).path("stoppedAt").isNull()).isTrue();
        assertThat(breached.path("escalated").asBoolean()).isTrue();
        JsonNode item = triageItem(id).orElseThrow();
        assertThat(texts(item.path("waitingFor"))).containsExactly("ESCALATED", "NEW_REQUEST");
        assertThat(item.path("escalated").asBoolean()).isTrue();
        assertThat(item.path("slaDueAt").asText()).as("a breached clock still runs").isEqualTo("2041-02-04T09:00:00Z");

        // as of a moment before the breach, and one after it
        JsonNode before = asOf(id, due.minusMillis(1));
        assertThat(before.path("sla").get(0).path("state").asText()).isEqualTo("RUNNING");
        assertThat(before.path("escalated").asBoolean()).isFalse();
        JsonNode after = asOf(id, due);
        assertThat(after.path("sla").get(0).path("state").asText()).isEqualTo("BREACHED");
        assertThat(after.path("escalated").asBoolean()).isTrue();
        assertThat(after.path("sla")).isEqualTo(breached.path("sla"));

        // the coordinator's acceptance stops it, late: breached for good, no longer escalated
        Instant accepted = due.plus(Duration.ofMinutes(30));
        EventClock.at(accepted);
        new Workflow(port).accept(id, "HIGH");
        sla().stopped(id, Clock.TRIAGE, null, accepted, false);
        JsonNode stopped = read("coordinator", id);
        assertThat(stopped.path("sla").get(0).path("state").asText()).isEqualTo("BREACHED");
        assertThat(stopped.path("sla").get(0).path("stoppedAt").asText()).isEqualTo("2041-02-04T09:30:00Z");
        assertThat(stopped.path("escalated").asBoolean()).isFalse();
        assertThat(asOf(id, accepted.minusMillis(1)).path("escalated").asBoolean()).isTrue();
    }

    @Test
    void anEscalatedRequestStandsInTheTriageQueueUntilACoordinatorActsOnIt() {
        String id = submittedAt(T0.plus(Duration.ofDays(1)), "Escalated assignment", "MONITORING");
        Workflow flow = new Workflow(port);
        flow.accept(id, "NORMAL");
        String assignment = flow.assign(id, "MONITORING", "OUS");
        Instant assigned = T0.plus(Duration.ofDays(1));
        sla().assignmentClockStarted(id, Clock.HOSPITAL_RESPONSE, assignment, "OUS", ServiceCode.MONITORING, assigned,
                Duration.ofHours(2));
        assertThat(triageItem(id)).as("every service has an open assignment").isEmpty();

        Instant due = assigned.plus(Duration.ofHours(2));
        sla().breached(id, Clock.HOSPITAL_RESPONSE, assignment, "OUS", due);

        JsonNode escalated = triageItem(id).orElseThrow(() -> new AssertionError("escalated request not in triage"));
        assertThat(texts(escalated.path("waitingFor"))).containsExactly("ESCALATED");
        JsonNode view = read("coordinator", id);
        assertThat(view.path("escalated").asBoolean()).isTrue();
        assertThat(view.path("sla").get(0).path("clock").asText()).isEqualTo("HOSPITAL_RESPONSE");
        assertThat(view.path("sla").get(0).path("assignmentId").asText()).isEqualTo(assignment);
        assertThat(view.path("sla").get(0).path("hospital").asText()).isEqualTo("OUS");
        assertThat(view.path("sla").get(0).path("service").asText()).isEqualTo("MONITORING");

        // the investigator's comment is no coordinator's act
        EventClock.at(due.plus(Duration.ofMinutes(5)));
        flow.comment("investigator1", id, "Any news from OUS?", "PUBLIC");
        assertThat(triageItem(id)).isPresent();

        Instant acted = due.plus(Duration.ofMinutes(10));
        EventClock.at(acted);
        flow.comment("coordinator", id, "Called OUS, they answer today", "INTERNAL");
        assertThat(triageItem(id)).as("a coordinator acted on it").isEmpty();
        assertThat(read("coordinator", id).path("escalated").asBoolean()).isFalse();

        // the triage queue as of the moment between the breach and the coordinator's act had it
        List<String> thenQueued = Workflow.ids(Workflow.allItems(as("coordinator"),
                "/api/queues/triage?asOf=" + acted.minusMillis(1)), "id");
        assertThat(thenQueued).contains(id);
        assertThat(Workflow.ids(Workflow.allItems(as("coordinator"), "/api/queues/triage?asOf=" + acted), "id"))
                .doesNotContain(id);
    }

    @Test
    void theTriageQueueAndTheListGoByTheEarliestRunningDueTime() {
        Instant base = T0.plus(Duration.ofDays(3));
        String title = unique("Due order");
        String late = submittedAt(base, title + " late", "MONITORING");
        sla().triageStarted(late, base, Duration.ofHours(3));
        String early = submittedAt(base.plus(Duration.ofMinutes(1)), title + " early", "MONITORING");
        sla().triageStarted(early, base.plus(Duration.ofMinutes(1)), Duration.ofHours(1));
        String middle = submittedAt(base.plus(Duration.ofMinutes(2)), title + " middle", "MONITORING");
        sla().triageStarted(middle, base.plus(Duration.ofMinutes(2)), Duration.ofHours(2));
        // paused: no clock runs, so it stands by its submission time, before every due time here
        Instant pausedSubmission = base.plus(Duration.ofMinutes(3));
        String paused = submittedAt(pausedSubmission, title + " paused", "MONITORING");
        sla().triageStarted(paused, pausedSubmission, Duration.ofMinutes(30));
        sla().paused(paused, Clock.TRIAGE, null, pausedSubmission.plus(Duration.ofMinutes(10)));
        // no clock at all
        String none = submittedAt(base.plus(Duration.ofMinutes(4)), title + " no clock", "MONITORING");

        List<String> queue = Workflow.ids(triage(), "id");
        assertThat(queue).contains(late, early, middle, paused, none);
        List<String> ours = queue.stream().filter(List.of(late, early, middle, paused, none)::contains).toList();
        assertThat(ours).containsExactly(paused, none, early, middle, late);
        JsonNode pausedItem = triageItem(paused).orElseThrow();
        assertThat(pausedItem.path("slaDueAt").isNull()).isTrue();

        // resumed, its due time moved past all others
        sla().resumed(paused, Clock.TRIAGE, null, pausedSubmission.plus(Duration.ofMinutes(10)),
                base.plus(Duration.ofHours(1)), base.plus(Duration.ofHours(4)));
        assertThat(Workflow.ids(triage(), "id").stream().filter(List.of(late, early, middle, paused, none)::contains)
                .toList()).containsExactly(none, early, middle, late, paused);

        // the list: by due time, requests without a running clock last either way
        String q = "q=" + title.replace(' ', '+');
        assertThat(Workflow.ids(ok(as("coordinator").get("/api/requests?" + q + "&sort=slaDueAt,asc"))))
                .containsExactly(early, middle, late, paused, none);
        assertThat(Workflow.ids(ok(as("coordinator").get("/api/requests?" + q + "&sort=slaDueAt,desc"))))
                .containsExactly(paused, late, middle, early, none);
        JsonNode earlyItem = ok(as("coordinator").get("/api/requests?" + q + "&sort=slaDueAt,asc")).path("items").get(0);
        assertThat(earlyItem.path("slaDueAt").asText()).isEqualTo(base.plus(Duration.ofMinutes(61)).toString());
    }

    @Test
    void theHospitalQueueGoesByEachAssignmentsRunningClock() {
        Instant base = T0.plus(Duration.ofDays(5));
        String id = submittedAt(base, "Hospital due order", "MONITORING", "DATA_MANAGEMENT", "BIOSTATISTICS");
        Workflow flow = new Workflow(port);
        flow.accept(id, "HIGH");
        String monitoring = flow.assign(id, "MONITORING", "HUS");
        String data = flow.assign(id, "DATA_MANAGEMENT", "HUS");
        String biostatistics = flow.assign(id, "BIOSTATISTICS", "HUS");
        sla().assignmentClockStarted(id, Clock.HOSPITAL_RESPONSE, monitoring, "HUS", ServiceCode.MONITORING, base,
                Duration.ofHours(5));
        sla().assignmentClockStarted(id, Clock.HOSPITAL_RESPONSE, data, "HUS", ServiceCode.DATA_MANAGEMENT, base,
                Duration.ofHours(1));
        // biostatistics has no clock: it stands by its creation time

        assertThat(ours(id)).containsExactly(biostatistics, data, monitoring);
        assertThat(queueItem(data).path("slaDueAt").asText()).isEqualTo(base.plus(Duration.ofHours(1)).toString());
        assertThat(queueItem(biostatistics).path("slaDueAt").isNull()).isTrue();

        // data management acknowledged: its response clock stops and delivery runs, due far later
        Instant acknowledged = base.plus(Duration.ofMinutes(30));
        EventClock.at(acknowledged);
        flow.acknowledge(id, data, "HUS");
        sla().stopped(id, Clock.HOSPITAL_RESPONSE, data, acknowledged, true);
        assertThat(queueItem(data).path("slaDueAt").isNull()).as("between its clocks").isTrue();
        sla().assignmentClockStarted(id, Clock.DELIVERY, data, "HUS", ServiceCode.DATA_MANAGEMENT, acknowledged,
                Duration.ofHours(40));
        assertThat(ours(id)).containsExactly(biostatistics, monitoring, data);
        assertThat(queueItem(data).path("slaDueAt").asText()).isEqualTo(acknowledged.plus(Duration.ofHours(40)).toString());
    }

    /** This request's assignments in HUS's queue, in queue order. */
    private List<String> ours(String requestId) {
        return Workflow.allItems(as("coordinator"), "/api/queues/hospitals/HUS").stream()
                .filter(item -> item.path("requestId").asText().equals(requestId))
                .map(item -> item.path("assignmentId").asText()).toList();
    }

    private JsonNode queueItem(String assignmentId) {
        return Workflow.allItems(as("coordinator"), "/api/queues/hospitals/HUS").stream()
                .filter(item -> item.path("assignmentId").asText().equals(assignmentId)).findFirst()
                .orElseThrow(() -> new AssertionError(assignmentId + " not in HUS's queue"));
    }
}
