package org.studysupport.web.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.sla.Clock;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.EventClock;
import org.studysupport.support.SlaEvents;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service-level results in {@code GET /api/stats} and in recommendations, on a database of its own
 * (as {@code SeparateDatabaseApiTest}, but not shared with the other tests there, whose workload
 * and response figures these clocks would change). The statistics history is in May 2024, before
 * the recommendations' 90-day window; the recommendations' history is in that window:
 * <pre>
 *   R1 05-02 submitted; triage met (accepted +30 min, due +1 h); MONITORING at OUS: response due +2 h,
 *            breached, acknowledged +4 h; delivery due +10 h, delivered +6 h (met)
 *   R2 05-03 triage breached at +1 h, accepted +2 h; DATA_MANAGEMENT at HUS: response met (+30 min
 *            of 2 h); delivered in June (met, outside May)
 *   R3 05-06 triage met; MONITORING at OUS: declined +1 h of 2 h (met)
 *   R4 04-29 triage breached 04-29 (before the period), accepted 05-01 late: its result is April's
 *   R5 04-30 triage met 05-01 (in the period: results count when they become known)
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
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
    }

    @AfterEach
    void realTime() {
        EventClock.reset();
    }

    private SlaEvents sla() {
        return new SlaEvents(eventStore, transactionManager);
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

    /** Accepted by a coordinator at {@code at}, and its triage clock stopped then. */
    private void accepted(String id, Instant at, boolean met) {
        EventClock.at(at);
        flow().accept(id, "NORMAL");
        sla().stopped(id, Clock.TRIAGE, null, at, met);
    }

    private String assigned(String id, Instant at, String service, String hospital, Duration responseTarget) {
        EventClock.at(at);
        String assignment = flow().assign(id, service, hospital);
        sla().assignmentClockStarted(id, Clock.HOSPITAL_RESPONSE, assignment, hospital, ServiceCode.valueOf(service),
                at, responseTarget);
        return assignment;
    }

    /** Acknowledged at {@code at}: the response clock stops, the delivery clock starts. */
    private void acknowledged(String id, String assignment, String hospital, String service, Instant at, boolean met,
                              Duration deliveryTarget) {
        EventClock.at(at);
        flow().acknowledge(id, assignment, hospital);
        sla().stopped(id, Clock.HOSPITAL_RESPONSE, assignment, at, met);
        sla().assignmentClockStarted(id, Clock.DELIVERY, assignment, hospital, ServiceCode.valueOf(service), at,
                deliveryTarget);
    }

    private void delivered(String id, String assignment, String hospital, Instant at, boolean met) {
        EventClock.at(at);
        flow().completeAssignment(id, assignment, hospital);
        sla().stopped(id, Clock.DELIVERY, assignment, at, met);
    }

    @BeforeAll
    void knownHistory() {
        try {
            Instant r1 = at("2024-05-02T08:00:00Z");
            String id1 = submitted(r1, "MONITORING");
            sla().triageStarted(id1, r1, Duration.ofHours(1));
            accepted(id1, r1.plus(Duration.ofMinutes(30)), true);
            String a1 = assigned(id1, r1.plus(Duration.ofHours(1)), "MONITORING", "OUS", Duration.ofHours(2));
            sla().breached(id1, Clock.HOSPITAL_RESPONSE, a1, "OUS", r1.plus(Duration.ofHours(3)));
            acknowledged(id1, a1, "OUS", "MONITORING", r1.plus(Duration.ofHours(4)), false, Duration.ofHours(10));
            delivered(id1, a1, "OUS", r1.plus(Duration.ofHours(6)), true);

            Instant r2 = at("2024-05-03T08:00:00Z");
            String id2 = submitted(r2, "DATA_MANAGEMENT");
            sla().triageStarted(id2, r2, Duration.ofHours(1));
            sla().breached(id2, Clock.TRIAGE, null, null, r2.plus(Duration.ofHours(1)));
            accepted(id2, r2.plus(Duration.ofHours(2)), false);
            String a2 = assigned(id2, r2.plus(Duration.ofHours(3)), "DATA_MANAGEMENT", "HUS", Duration.ofHours(2));
            acknowledged(id2, a2, "HUS", "DATA_MANAGEMENT", r2.plus(Duration.ofMinutes(210)), true,
                    Duration.ofDays(40));
            delivered(id2, a2, "HUS", at("2024-06-03T08:00:00Z"), true);

            Instant r3 = at("2024-05-06T08:00:00Z");
            String id3 = submitted(r3, "MONITORING");
            sla().triageStarted(id3, r3, Duration.ofHours(1));
            accepted(id3, r3.plus(Duration.ofMinutes(10)), true);
            String a3 = assigned(id3, r3.plus(Duration.ofMinutes(20)), "MONITORING", "OUS", Duration.ofHours(2));
            EventClock.at(r3.plus(Duration.ofMinutes(80)));
            flow().decline(id3, a3, "OUS");
            sla().stopped(id3, Clock.HOSPITAL_RESPONSE, a3, r3.plus(Duration.ofMinutes(80)), true);

            Instant r4 = at("2024-04-29T08:00:00Z");
            String id4 = submitted(r4, "BIOBANK");
            sla().triageStarted(id4, r4, Duration.ofHours(1));
            sla().breached(id4, Clock.TRIAGE, null, null, r4.plus(Duration.ofHours(1)));
            accepted(id4, at("2024-05-01T09:00:00Z"), false);

            Instant r5 = at("2024-04-30T08:00:00Z");
            String id5 = submitted(r5, "BIOBANK");
            sla().triageStarted(id5, r5, Duration.ofDays(5));
            accepted(id5, at("2024-05-01T10:00:00Z"), true);
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
        // R1's response breached at 11:00 on 05-02; the half-open bound excludes it
        assertThat(records(stats("from=2024-05-02T11:00:00.001Z&to=2024-05-03T00:00:00Z")))
                .containsExactly("DELIVERY OUS met=1 breached=0");
    }

    @Test
    void recommendationsRankByTheHospitalsServiceLevelRecordBeforeTheirMedianResponse() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // outside the 90-day window: a HUS breach that must not count
        Instant old = now.minus(Duration.ofDays(120));
        String oldRequest = submitted(old, "MONITORING");
        flow().accept(oldRequest, "NORMAL");
        String oldAssignment = assigned(oldRequest, old, "MONITORING", "HUS", Duration.ofMinutes(10));
        sla().breached(oldRequest, Clock.HOSPITAL_RESPONSE, oldAssignment, "HUS", old.plus(Duration.ofMinutes(10)));
        acknowledged(oldRequest, oldAssignment, "HUS", "MONITORING", old.plus(Duration.ofMinutes(20)), false,
                Duration.ofHours(10));
        delivered(oldRequest, oldAssignment, "HUS", old.plus(Duration.ofHours(1)), true);

        // in the window: OUS answers in 1 hour but breaches its 30-minute target; HUS answers in 2 hours of 4
        Instant base = now.minus(Duration.ofDays(10));
        String atOus = submitted(base, "MONITORING");
        flow().accept(atOus, "NORMAL");
        String ous = assigned(atOus, base, "MONITORING", "OUS", Duration.ofMinutes(30));
        sla().breached(atOus, Clock.HOSPITAL_RESPONSE, ous, "OUS", base.plus(Duration.ofMinutes(30)));
        acknowledged(atOus, ous, "OUS", "MONITORING", base.plus(Duration.ofHours(1)), false, Duration.ofHours(10));
        delivered(atOus, ous, "OUS", base.plus(Duration.ofHours(2)), true);

        Instant next = base.plus(Duration.ofDays(1));
        String atHus = submitted(next, "MONITORING");
        flow().accept(atHus, "NORMAL");
        String hus = assigned(atHus, next, "MONITORING", "HUS", Duration.ofHours(4));
        acknowledged(atHus, hus, "HUS", "MONITORING", next.plus(Duration.ofHours(2)), true, Duration.ofHours(10));
        delivered(atHus, hus, "HUS", next.plus(Duration.ofHours(3)), true);

        EventClock.at(next.plus(Duration.ofDays(1)));
        String target = flow().submit("investigator2", "Needs monitoring " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        EventClock.reset();

        JsonNode hospitals = Api.at(port, "coordinator").get("/api/requests/" + target
                + "/recommendations?service=MONITORING").body().path("hospitals");
        JsonNode first = hospitals.get(0);
        JsonNode second = hospitals.get(1);
        assertThat(first.path("hospital").asText()).as("no breach beats a faster median").isEqualTo("HUS");
        assertThat(first.path("medianResponseHours").asDouble()).isEqualTo(2.0);
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

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
