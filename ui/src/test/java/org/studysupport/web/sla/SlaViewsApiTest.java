package org.studysupport.web.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.ApiTest;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.EventClock;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service-level clocks on the read side, driven by the clocks the request aggregate runs, on a
 * database of its own with second-scale targets: triage and hospital response 3 seconds (10 hours
 * for a LOW request's response), delivery 1 hour. The request view's {@code sla} and
 * {@code escalated}, the request as of a moment before and after a breach, and the triage queue
 * with escalations come from real deadlines firing on the scheduler; the order of the triage
 * queue, the hospital queue and the list by due time from histories in 2041, whose deadlines do
 * not fall due while the tests run.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SlaViewsApiTest extends ApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();
    private static final Instant T0 = Instant.parse("2041-02-04T08:00:00Z");
    private static final Duration TARGET = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
        registry.add("study-support.sla.triage.duration", () -> "PT3S");
        registry.add("study-support.sla.hospital-response.duration", () -> "PT3S");
        registry.add("study-support.sla.hospital-response.by-priority.LOW.duration", () -> "PT10H");
        registry.add("study-support.sla.delivery.duration", () -> "PT1H");
    }

    @AfterEach
    void realTime() {
        EventClock.reset();
    }

    private Workflow flow() {
        return new Workflow(port);
    }

    private String submittedAt(Instant at, String title, String... services) {
        EventClock.at(at);
        return flow().submit("investigator1", unique(title), services).path("id").asText();
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

    /** When the request's last event of the given type was recorded, from its history. */
    private Instant recorded(String id, String type) {
        Instant at = null;
        for (JsonNode entry : ok(as("auditor").get(path(id, "history")))) {
            if (entry.path("type").asText().equals(type)) {
                at = Instant.parse(entry.path("occurredAt").asText());
            }
        }
        if (at == null) {
            throw new AssertionError("no " + type + " in the history of " + id);
        }
        return at;
    }

    /** The clock's moment is the command's, taken while its events were applied. */
    private static void assertSameMoment(Instant view, Instant recorded) {
        assertThat(Duration.between(view, recorded).abs()).as("%s and %s", view, recorded)
                .isLessThan(Duration.ofMillis(100));
    }

    private static JsonNode clock(JsonNode view, String clock) {
        for (JsonNode candidate : view.path("sla")) {
            if (candidate.path("clock").asText().equals(clock)) {
                return candidate;
            }
        }
        throw new AssertionError("no " + clock + " clock in " + view.path("sla"));
    }

    @Test
    void theViewShowsTheTriageClockRunningThenBreachedAndEscalatedAndAsOfAnyMomentBetween() {
        String id = flow().submit("investigator1", unique("Clock view"), "MONITORING").path("id").asText();

        JsonNode running = read("coordinator", id);
        assertThat(running.path("sla")).hasSize(1);
        JsonNode clock = running.path("sla").get(0);
        Instant startedAt = Instant.parse(clock.path("startedAt").asText());
        Instant due = startedAt.plus(TARGET);
        assertSameMoment(startedAt, recorded(id, "RequestSubmitted"));
        assertThat(clock.path("clock").asText()).isEqualTo("TRIAGE");
        assertThat(clock.path("state").asText()).isEqualTo("RUNNING");
        assertThat(clock.path("dueAt").asText()).isEqualTo(due.toString());
        assertThat(clock.path("stoppedAt").isNull()).isTrue();
        assertThat(clock.path("assignmentId").isNull()).isTrue();
        assertThat(running.path("escalated").asBoolean()).isFalse();
        assertThat(texts(triageItem(id).orElseThrow().path("waitingFor"))).containsExactly("NEW_REQUEST");
        assertThat(triageItem(id).orElseThrow().path("slaDueAt").asText()).isEqualTo(due.toString());

        // the breach deadline fires on its own
        await().atMost(WAIT).until(() -> read("coordinator", id).path("escalated").asBoolean());
        JsonNode breached = read("coordinator", id);
        JsonNode breachedClock = breached.path("sla").get(0);
        assertThat(breachedClock.path("state").asText()).isEqualTo("BREACHED");
        // the view shows when the system recorded them, within a couple of seconds of their times
        Instant warningRecorded = recorded(id, "SlaWarningRaised");
        Instant breachRecorded = recorded(id, "SlaClockBreached");
        assertThat(warningRecorded).isBetween(startedAt.plus(TARGET.multipliedBy(3).dividedBy(4)),
                startedAt.plus(TARGET.multipliedBy(3).dividedBy(4)).plusSeconds(3));
        assertThat(breachRecorded).isBetween(due, due.plusSeconds(3));
        assertSameMoment(Instant.parse(breachedClock.path("warnedAt").asText()), warningRecorded);
        assertSameMoment(Instant.parse(breachedClock.path("breachedAt").asText()), breachRecorded);
        assertThat(breachedClock.path("dueAt").asText()).isEqualTo(due.toString());
        assertThat(breachedClock.path("stoppedAt").isNull()).isTrue();
        JsonNode item = triageItem(id).orElseThrow();
        assertThat(texts(item.path("waitingFor"))).containsExactly("ESCALATED", "NEW_REQUEST");
        assertThat(item.path("escalated").asBoolean()).isTrue();
        assertThat(item.path("slaDueAt").asText()).as("a breached clock still runs").isEqualTo(due.toString());

        // as of a moment before the breach was recorded, and the moment it was
        JsonNode before = asOf(id, breachRecorded.minusMillis(1));
        assertThat(before.path("sla").get(0).path("state").asText()).isEqualTo("RUNNING");
        assertThat(before.path("escalated").asBoolean()).isFalse();
        JsonNode after = asOf(id, breachRecorded);
        assertThat(after.path("sla").get(0).path("state").asText()).isEqualTo("BREACHED");
        assertThat(after.path("escalated").asBoolean()).isTrue();
        assertThat(after.path("sla")).isEqualTo(breached.path("sla"));

        // the coordinator's acceptance stops it, late: breached for good, no longer escalated
        flow().accept(id, "HIGH");
        Instant accepted = recorded(id, "RequestAccepted");
        JsonNode stopped = read("coordinator", id);
        assertThat(stopped.path("sla").get(0).path("state").asText()).isEqualTo("BREACHED");
        assertSameMoment(Instant.parse(stopped.path("sla").get(0).path("stoppedAt").asText()), accepted);
        assertThat(stopped.path("escalated").asBoolean()).isFalse();
        assertThat(asOf(id, accepted.minusMillis(1)).path("escalated").asBoolean()).isTrue();
    }

    @Test
    void anEscalatedRequestStandsInTheTriageQueueUntilACoordinatorActsOnIt() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", unique("Escalated assignment"), "MONITORING").path("id").asText();
        flow.accept(id, "NORMAL");
        String assignment = flow.assign(id, "MONITORING", "OUS");
        assertThat(triageItem(id)).as("every service has an open assignment").isEmpty();

        // the hospital does not answer within its 3 seconds
        await().atMost(WAIT).until(() -> triageItem(id).isPresent());
        JsonNode escalated = triageItem(id).orElseThrow();
        assertThat(texts(escalated.path("waitingFor"))).containsExactly("ESCALATED");
        JsonNode view = read("coordinator", id);
        assertThat(view.path("escalated").asBoolean()).isTrue();
        assertThat(clock(view, "TRIAGE").path("state").asText()).as("accepted in time").isEqualTo("MET");
        JsonNode response = clock(view, "HOSPITAL_RESPONSE");
        assertThat(response.path("state").asText()).isEqualTo("BREACHED");
        assertThat(response.path("assignmentId").asText()).isEqualTo(assignment);
        assertThat(response.path("hospital").asText()).isEqualTo("OUS");
        assertThat(response.path("service").asText()).isEqualTo("MONITORING");

        // the investigator's comment is no coordinator's act
        flow.comment("investigator1", id, "Any news from OUS?", "PUBLIC");
        assertThat(triageItem(id)).isPresent();

        flow.comment("coordinator", id, "Called OUS, they answer today", "INTERNAL");
        Instant acted = recorded(id, "CommentAdded");
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
        Workflow flow = flow();
        // submitted first, but its LOW response clock is due in 10 hours
        String late = submittedAt(base, title + " late", "MONITORING", "DATA_MANAGEMENT");
        EventClock.at(base.plusSeconds(1));
        flow.accept(late, "LOW");
        EventClock.at(base.plusSeconds(2));
        flow.assign(late, "MONITORING", "OUS");
        // its triage clock due 3 seconds after submission
        String early = submittedAt(base.plus(Duration.ofMinutes(1)), title + " early", "MONITORING");
        // a NORMAL response clock, due 3 seconds after assignment
        String middle = submittedAt(base.plus(Duration.ofMinutes(2)), title + " middle", "MONITORING",
                "DATA_MANAGEMENT");
        EventClock.at(base.plus(Duration.ofMinutes(2)).plusSeconds(1));
        flow.accept(middle, "NORMAL");
        EventClock.at(base.plus(Duration.ofMinutes(2)).plusSeconds(2));
        flow.assign(middle, "MONITORING", "OUS");
        // paused one second into its response clock: none runs, so it stands by its submission time
        Instant pausedSubmission = base.plus(Duration.ofMinutes(3));
        String paused = submittedAt(pausedSubmission, title + " paused", "MONITORING", "DATA_MANAGEMENT");
        EventClock.at(pausedSubmission.plusSeconds(1));
        flow.accept(paused, "NORMAL");
        EventClock.at(pausedSubmission.plusSeconds(2));
        flow.assign(paused, "MONITORING", "OUS");
        EventClock.at(pausedSubmission.plusSeconds(3));
        String question = flow.ask("coordinator", paused, "Which sites?");
        // accepted, its service unassigned: no clock runs
        String none = submittedAt(base.plus(Duration.ofMinutes(4)), title + " no clock", "MONITORING");
        EventClock.at(base.plus(Duration.ofMinutes(4)).plusSeconds(1));
        flow.accept(none, "NORMAL");

        List<String> all = List.of(late, early, middle, paused, none);
        assertThat(ours(all)).containsExactly(early, middle, paused, none, late);
        assertThat(triageItem(paused).orElseThrow().path("slaDueAt").isNull()).isTrue();
        assertThat(triageItem(late).orElseThrow().path("slaDueAt").asText())
                .isEqualTo(base.plusSeconds(2).plus(Duration.ofHours(10)).toString());

        // answered five hours later: its response clock resumes with the 2 seconds it had left
        EventClock.at(base.plus(Duration.ofHours(5)));
        flow.answer("investigator1", paused, question, "Oslo and Bergen");
        assertThat(triageItem(paused).orElseThrow().path("slaDueAt").asText())
                .isEqualTo(base.plus(Duration.ofHours(5)).plusSeconds(2).toString());
        assertThat(ours(all)).containsExactly(early, middle, none, paused, late);

        // the list: by due time, requests without a running clock last either way
        String q = "q=" + title.replace(' ', '+');
        assertThat(Workflow.ids(ok(as("coordinator").get("/api/requests?" + q + "&sort=slaDueAt,asc"))))
                .containsExactly(early, middle, paused, late, none);
        assertThat(Workflow.ids(ok(as("coordinator").get("/api/requests?" + q + "&sort=slaDueAt,desc"))))
                .containsExactly(late, paused, middle, early, none);
        JsonNode earlyItem = ok(as("coordinator").get("/api/requests?" + q + "&sort=slaDueAt,asc")).path("items").get(0);
        assertThat(earlyItem.path("slaDueAt").asText())
                .isEqualTo(base.plus(Duration.ofMinutes(1)).plus(TARGET).toString());
    }

    /** These requests in the triage queue, in queue order. */
    private List<String> ours(List<String> requestIds) {
        return Workflow.ids(triage(), "id").stream().filter(requestIds::contains).toList();
    }

    @Test
    void theHospitalQueueGoesByEachAssignmentsRunningClock() {
        Instant base = T0.plus(Duration.ofDays(5));
        Workflow flow = flow();
        // assigned first, but a LOW request's response is due in 10 hours
        String low = submittedAt(base.minus(Duration.ofMinutes(2)), "Hospital due order, low", "MONITORING");
        flow.accept(low, "LOW");
        EventClock.at(base.minus(Duration.ofMinutes(1)));
        String lowMonitoring = flow.assign(low, "MONITORING", "HUS");

        String id = submittedAt(base, "Hospital due order", "MONITORING", "DATA_MANAGEMENT", "BIOSTATISTICS");
        flow.accept(id, "HIGH");
        String monitoring = flow.assign(id, "MONITORING", "HUS");
        EventClock.at(base.plusMillis(500));
        String data = flow.assign(id, "DATA_MANAGEMENT", "HUS");
        EventClock.at(base.plusSeconds(1));
        String biostatistics = flow.assign(id, "BIOSTATISTICS", "HUS");

        List<String> requests = List.of(low, id);
        assertThat(ours(requests, "HUS")).containsExactly(monitoring, data, biostatistics, lowMonitoring);
        assertThat(queueItem(data).path("slaDueAt").asText())
                .isEqualTo(base.plusMillis(500).plus(TARGET).toString());
        assertThat(queueItem(lowMonitoring).path("slaDueAt").asText())
                .isEqualTo(base.minus(Duration.ofMinutes(1)).plus(Duration.ofHours(10)).toString());

        // data management acknowledged in time (before any of these clocks' warnings): its response
        // clock stops and delivery runs, due an hour later
        Instant acknowledged = base.plusMillis(1500);
        EventClock.at(acknowledged);
        flow.acknowledge(id, data, "HUS");
        assertThat(ours(requests, "HUS")).containsExactly(monitoring, biostatistics, data, lowMonitoring);
        assertThat(queueItem(data).path("slaDueAt").asText()).isEqualTo(acknowledged.plus(Duration.ofHours(1)).toString());
        JsonNode view = read("coordinator", id);
        List<String> dataClocks = new ArrayList<>();
        view.path("sla").forEach(clock -> {
            if (clock.path("assignmentId").asText().equals(data)) {
                dataClocks.add(clock.path("clock").asText() + " " + clock.path("state").asText());
            }
        });
        assertThat(dataClocks).as("%s", view.path("sla")).containsExactly("HOSPITAL_RESPONSE MET", "DELIVERY RUNNING");
    }

    /** These requests' assignments in the hospital's queue, in queue order. */
    private List<String> ours(List<String> requestIds, String hospital) {
        return Workflow.allItems(as("coordinator"), "/api/queues/hospitals/" + hospital).stream()
                .filter(item -> requestIds.contains(item.path("requestId").asText()))
                .map(item -> item.path("assignmentId").asText()).toList();
    }

    private JsonNode queueItem(String assignmentId) {
        return Workflow.allItems(as("coordinator"), "/api/queues/hospitals/HUS").stream()
                .filter(item -> item.path("assignmentId").asText().equals(assignmentId)).findFirst()
                .orElseThrow(() -> new AssertionError(assignmentId + " not in HUS's queue"));
    }
}
