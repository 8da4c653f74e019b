package org.studysupport.web.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.EventClock;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service-level results in {@code GET /api/stats} and in recommendations, from the clocks the
 * request aggregate runs, on a database of its own (as {@code SeparateDatabaseApiTest}, but not
 * shared with the other tests there, whose workload and response figures these clocks would
 * change). Targets are wall-clock durations: triage 1 hour, hospital response 2 hours (30 minutes
 * for an URGENT request), delivery 10 hours (40 working days for DATA_MANAGEMENT). The scheduler
 * does not poll while the tests run, so each breach is recorded by the next command on its request,
 * before the command's own events, as a late deadline would; the read side counts a breach when it
 * was recorded. The statistics history is in May 2024, before the recommendations' 90-day window;
 * the recommendations' history is in that window:
 * <pre>
 *   R1 05-02 08:00 submitted; accepted 08:30 (triage met); MONITORING at OUS 09:00: response due 11:00,
 *            acknowledged 12:00 (breach recorded then); delivery due 22:00, delivered 14:00 (met)
 *   R2 05-03 08:00 submitted; accepted 10:00 (triage due 09:00, breached); DATA_MANAGEMENT at HUS 11:00:
 *            acknowledged 11:30 (met); delivered 06-03, within its 40 working days (met, in June)
 *   R3 05-06 08:00 submitted; accepted 08:10 (met); MONITORING at OUS 08:20: declined 09:20 (met)
 *   R4 04-29 08:00 submitted; asked a question 04-29 10:00 (triage breach recorded then, its result is
 *            April's), answered 04-30, accepted 05-01
 *   R5 04-30 23:30 submitted; accepted 05-01 00:15 (met, in the period: results count when known)
 * </pre>
 * May 2024: TRIAGE 3 met, 1 breached; HOSPITAL_RESPONSE at HUS 1 met, at OUS 1 met and 1 breached;
 * DELIVERY at OUS 1 met.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaInsightApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();
    private static final String MAY = "from=2024-05-01T00:00:00Z&to=2024-06-01T00:00:00Z";

    @LocalServerPort
    int port;

    private String r1;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
        registry.add("study-support.sla.triage.duration", () -> "PT1H");
        registry.add("study-support.sla.hospital-response.duration", () -> "PT2H");
        registry.add("study-support.sla.hospital-response.by-priority.URGENT.duration", () -> "PT30M");
        registry.add("study-support.sla.delivery.duration", () -> "PT10H");
        registry.add("study-support.sla.delivery.by-service.DATA_MANAGEMENT.working-days", () -> "40");
        // both histories are in the past: their deadlines are long due and must not race the
        // commands that build them
        registry.add("db-scheduler.polling-interval", () -> "1h");
    }

    @AfterEach
    void realTime() {
        EventClock.reset();
    }

    private Workflow flow() {
        return new Workflow(port);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private String submitted(Instant at, String service) {
        EventClock.at(at);
        return flow().submit("investigator1", "SLA insight " + UUID.randomUUID(), service).path("id").asText();
    }

    private void accepted(String id, Instant at, String priority) {
        EventClock.at(at);
        flow().accept(id, priority);
    }

    private String assigned(String id, Instant at, String service, String hospital) {
        EventClock.at(at);
        return flow().assign(id, service, hospital);
    }

    private void acknowledged(String id, String assignment, String hospital, Instant at) {
        EventClock.at(at);
        flow().acknowledge(id, assignment, hospital);
    }

    private void delivered(String id, String assignment, String hospital, Instant at) {
        EventClock.at(at);
        flow().completeAssignment(id, assignment, hospital);
    }

    @BeforeAll
    void knownHistory() {
        try {
            Instant t1 = at("2024-05-02T08:00:00Z");
            r1 = submitted(t1, "MONITORING");
            accepted(r1, t1.plus(Duration.ofMinutes(30)), "NORMAL");
            String a1 = assigned(r1, t1.plus(Duration.ofHours(1)), "MONITORING", "OUS");
            acknowledged(r1, a1, "OUS", t1.plus(Duration.ofHours(4)));
            delivered(r1, a1, "OUS", t1.plus(Duration.ofHours(6)));

            Instant t2 = at("2024-05-03T08:00:00Z");
            String r2 = submitted(t2, "DATA_MANAGEMENT");
            accepted(r2, t2.plus(Duration.ofHours(2)), "NORMAL");
            String a2 = assigned(r2, t2.plus(Duration.ofHours(3)), "DATA_MANAGEMENT", "HUS");
            acknowledged(r2, a2, "HUS", t2.plus(Duration.ofMinutes(210)));
            delivered(r2, a2, "HUS", at("2024-06-03T08:00:00Z"));

            Instant t3 = at("2024-05-06T08:00:00Z");
            String r3 = submitted(t3, "MONITORING");
            accepted(r3, t3.plus(Duration.ofMinutes(10)), "NORMAL");
            String a3 = assigned(r3, t3.plus(Duration.ofMinutes(20)), "MONITORING", "OUS");
            EventClock.at(t3.plus(Duration.ofMinutes(80)));
            flow().decline(r3, a3, "OUS");

            String r4 = submitted(at("2024-04-29T08:00:00Z"), "BIOBANK");
            EventClock.at(at("2024-04-29T10:00:00Z"));
            String question = flow().ask("coordinator", r4, "Which samples?");
            EventClock.at(at("2024-04-30T08:00:00Z"));
            flow().answer("investigator1", r4, question, "Blood and tissue");
            accepted(r4, at("2024-05-01T09:00:00Z"), "NORMAL");

            String r5 = submitted(at("2024-04-30T23:30:00Z"), "BIOBANK");
            accepted(r5, at("2024-05-01T00:15:00Z"), "NORMAL");
        } finally {
            EventClock.reset();
        }
    }

    private JsonNode stats(String query) {
        Api.Answer answer = Api.at(port, "auditor").get("/api/stats?" + query);
        assertThat(answer.status()).as("stats: %s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** One line per SLA record: clock, hospital, met, breached. */
    private static List<String> records(JsonNode stats) {
        List<String> lines = new ArrayList<>();
        stats.path("sla").forEach(r -> lines.add(r.path("clock").asText() + " "
                + (r.path("hospital").isNull() ? "-" : r.path("hospital").asText())
                + " met=" + r.path("met").asLong() + " breached=" + r.path("breached").asLong()));
        return lines;
    }

    @Test
    void statisticsCountMetAndBreachedClocksPerClockAndHospitalByWhenTheirResultBecameKnown() {
        assertThat(records(stats(MAY))).containsExactly(
                "TRIAGE - met=3 breached=1",
                "HOSPITAL_RESPONSE HUS met=1 breached=0",
                "HOSPITAL_RESPONSE OUS met=1 breached=1",
                "DELIVERY OUS met=1 breached=0");
        // April holds R4's breach only (R5 was met in May); June R2's delivery
        assertThat(records(stats("from=2024-06-01T00:00:00Z&to=2024-07-01T00:00:00Z")))
                .containsExactly("DELIVERY HUS met=1 breached=0");
        assertThat(records(stats("from=2024-04-01T00:00:00Z&to=2024-05-01T00:00:00Z")))
                .containsExactly("TRIAGE - met=0 breached=1");
        // R1's response breach was recorded at 12:00 on 05-02; the half-open bound excludes it
        assertThat(records(stats("from=2024-05-02T12:00:00.001Z&to=2024-05-03T00:00:00Z")))
                .containsExactly("DELIVERY OUS met=1 breached=0");

        // the breach the statistics count is the aggregate's, recorded by the system with the
        // acknowledgement that came after its due time
        JsonNode response = clock(Api.at(port, "coordinator").get("/api/requests/" + r1).body(),
                "HOSPITAL_RESPONSE");
        assertThat(response.path("dueAt").asText()).isEqualTo("2024-05-02T11:00:00Z");
        assertThat(response.path("breachedAt").asText()).isEqualTo("2024-05-02T12:00:00Z");
        assertThat(response.path("stoppedAt").asText()).isEqualTo("2024-05-02T12:00:00Z");
        JsonNode history = Api.at(port, "auditor").get("/api/requests/" + r1 + "/history").body();
        List<String> systemEvents = new ArrayList<>();
        history.forEach(entry -> {
            if (entry.path("actor").path("id").asText().equals("system")) {
                systemEvents.add(entry.path("type").asText() + " " + entry.path("data").path("clock").asText());
            }
        });
        assertThat(systemEvents).containsExactly("SlaWarningRaised HOSPITAL_RESPONSE",
                "SlaClockBreached HOSPITAL_RESPONSE", "RequestEscalated HOSPITAL_RESPONSE");
    }

    @Test
    void recommendationsRankByTheHospitalsServiceLevelRecordBeforeTheirMedianResponse() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // outside the 90-day window: a HUS breach (answered in 3 hours of 2) that must not count
        Instant old = now.minus(Duration.ofDays(120));
        String oldRequest = submitted(old, "MONITORING");
        flow().accept(oldRequest, "NORMAL");
        String oldAssignment = assigned(oldRequest, old, "MONITORING", "HUS");
        acknowledged(oldRequest, oldAssignment, "HUS", old.plus(Duration.ofHours(3)));
        delivered(oldRequest, oldAssignment, "HUS", old.plus(Duration.ofHours(4)));

        // in the window: OUS answers an URGENT request in 1 hour, breaching its 30 minutes;
        // HUS answers a NORMAL one in 1.5 hours of 2
        Instant base = now.minus(Duration.ofDays(10));
        String atOus = submitted(base, "MONITORING");
        flow().accept(atOus, "URGENT");
        String ous = assigned(atOus, base, "MONITORING", "OUS");
        acknowledged(atOus, ous, "OUS", base.plus(Duration.ofHours(1)));
        delivered(atOus, ous, "OUS", base.plus(Duration.ofHours(2)));

        Instant next = base.plus(Duration.ofDays(1));
        String atHus = submitted(next, "MONITORING");
        flow().accept(atHus, "NORMAL");
        String hus = assigned(atHus, next, "MONITORING", "HUS");
        acknowledged(atHus, hus, "HUS", next.plus(Duration.ofMinutes(90)));
        delivered(atHus, hus, "HUS", next.plus(Duration.ofHours(3)));

        EventClock.at(next.plus(Duration.ofDays(1)));
        String target = flow().submit("investigator2", "Needs monitoring " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        EventClock.reset();

        JsonNode hospitals = Api.at(port, "coordinator").get("/api/requests/" + target
                + "/recommendations?service=MONITORING").body().path("hospitals");
        JsonNode first = hospitals.get(0);
        JsonNode second = hospitals.get(1);
        assertThat(first.path("hospital").asText()).as("no breach beats a faster median: %s", hospitals)
                .isEqualTo("HUS");
        assertThat(first.path("medianResponseHours").asDouble()).as("%s", hospitals).isEqualTo(1.5);
        assertThat(first.path("slaMet").asLong()).isEqualTo(2);
        assertThat(first.path("slaBreached").asLong()).isZero();
        assertThat(texts(first.path("reasons"))).contains(
                "service levels in the last 90 days: hospital response 1 met, 0 breached; delivery 1 met, 0 breached");
        assertThat(second.path("hospital").asText()).isEqualTo("OUS");
        assertThat(second.path("medianResponseHours").asDouble()).isEqualTo(1.0);
        assertThat(second.path("slaMet").asLong()).isEqualTo(1);
        assertThat(second.path("slaBreached").asLong()).isEqualTo(1);
        assertThat(texts(second.path("reasons"))).contains(
                "service levels in the last 90 days: hospital response 0 met, 1 breached; delivery 1 met, 0 breached");
        // hospitals without results come after those with, and say so
        for (int i = 2; i < hospitals.size(); i++) {
            assertThat(hospitals.get(i).path("slaMet").asLong()).isZero();
            assertThat(hospitals.get(i).path("slaBreached").asLong()).isZero();
            assertThat(texts(hospitals.get(i).path("reasons"))).contains("no service-level results in the last 90 days");
        }
        assertThat(hospitals.size()).isGreaterThan(2);
    }

    /** The request view's clock of the given kind (one of it on these requests). */
    private static JsonNode clock(JsonNode view, String clock) {
        for (JsonNode candidate : view.path("sla")) {
            if (candidate.path("clock").asText().equals(clock)) {
                return candidate;
            }
        }
        throw new AssertionError("no " + clock + " clock in " + view.path("sla"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
