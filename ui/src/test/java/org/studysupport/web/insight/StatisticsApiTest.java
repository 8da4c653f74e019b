package org.studysupport.web.insight;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.studysupport.support.Api;
import org.studysupport.support.EventClock;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/stats} over a known history in March 2031, a month no other test writes to:
 * <pre>
 *   S1 03-01 00:00 MONITORING+DATA_MANAGEMENT accepted +1h; MONITORING at OUS 02:00, acknowledged 04:00;
 *                  DATA_MANAGEMENT at HUS 02:00, declined 05:00, at OUS 06:00, acknowledged 06:30;
 *                  both delivered 03-02; completed 03-03 00:00                                  COMPLETED
 *   S2 03-05 00:00 MONITORING accepted +3h; at HUS 04:00, acknowledged 05:00; delivered;
 *                  completed 03-09 00:00                                                        COMPLETED
 *   S3 03-10 00:00 BIOBANK rejected +2h                                                        REJECTED
 *   S4 03-12 00:00 REGULATORY+MONITORING accepted +6h; REGULATORY at HUS, pending              IN_PROGRESS
 *   S5 03-14 00:00 STUDY_NURSES                                                                SUBMITTED
 *   S6 03-15 00:00 METHODOLOGY accepted +30min                                                 ACCEPTED
 *   S7 03-18 00:00 BIOSTATISTICS, question asked +1h                                           AWAITING_INFO
 *   S8 03-25 00:00 METHODOLOGY+BIOSTATISTICS accepted +12h; METHODOLOGY at OUS; withdrawn 03-26 WITHDRAWN
 * </pre>
 * and two requests just outside [2031-03-01, 2031-04-01) with figures that would stand out.
 * Time to triage: 1800, 3600, 7200, 10800, 21600, 43200 s. Hospital response: 1800, 3600, 7200,
 * 10800 s. Completion: 172800, 345600 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiTest extends PostgresApiTest {

    private static final String MARCH = "from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z";

    @BeforeAll
    void knownHistory() {
        Workflow flow = new Workflow(port);
        try {
            EventClock.at("2031-03-01T00:00:00Z");
            String s1 = flow.submit("investigator1", "Stats S1", "MONITORING", "DATA_MANAGEMENT").path("id").asText();
            EventClock.at("2031-03-01T01:00:00Z");
            flow.accept(s1, "HIGH");
            EventClock.at("2031-03-01T02:00:00Z");
            String s1m = flow.assign(s1, "MONITORING", "OUS");
            String s1d = flow.assign(s1, "DATA_MANAGEMENT", "HUS");
            EventClock.at("2031-03-01T04:00:00Z");
            flow.acknowledge(s1, s1m, "OUS");
            EventClock.at("2031-03-01T05:00:00Z");
            flow.decline(s1, s1d, "HUS");
            EventClock.at("2031-03-01T06:00:00Z");
            String s1d2 = flow.assign(s1, "DATA_MANAGEMENT", "OUS");
            EventClock.at("2031-03-01T06:30:00Z");
            flow.acknowledge(s1, s1d2, "OUS");
            EventClock.at("2031-03-02T00:00:00Z");
            flow.completeAssignment(s1, s1m, "OUS");
            flow.completeAssignment(s1, s1d2, "OUS");
            EventClock.at("2031-03-03T00:00:00Z");
            flow.complete(s1);

            EventClock.at("2031-03-05T00:00:00Z");
            String s2 = flow.submit("investigator1", "Stats S2", "MONITORING").path("id").asText();
            EventClock.at("2031-03-05T03:00:00Z");
            flow.accept(s2, "NORMAL");
            EventClock.at("2031-03-05T04:00:00Z");
            String s2m = flow.assign(s2, "MONITORING", "HUS");
            EventClock.at("2031-03-05T05:00:00Z");
            flow.acknowledge(s2, s2m, "HUS");
            EventClock.at("2031-03-06T00:00:00Z");
            flow.completeAssignment(s2, s2m, "HUS");
            EventClock.at("2031-03-09T00:00:00Z");
            flow.complete(s2);

            EventClock.at("2031-03-10T00:00:00Z");
            String s3 = flow.submit("investigator2", "Stats S3", "BIOBANK").path("id").asText();
            EventClock.at("2031-03-10T02:00:00Z");
            flow.reject(s3);

            EventClock.at("2031-03-12T00:00:00Z");
            String s4 = flow.submit("investigator2", "Stats S4", "REGULATORY", "MONITORING").path("id").asText();
            EventClock.at("2031-03-12T06:00:00Z");
            flow.accept(s4, "LOW");
            EventClock.at("2031-03-12T07:00:00Z");
            flow.assign(s4, "REGULATORY", "HUS");

            EventClock.at("2031-03-14T00:00:00Z");
            flow.submit("investigator1", "Stats S5", "STUDY_NURSES");

            EventClock.at("2031-03-15T00:00:00Z");
            String s6 = flow.submit("investigator1", "Stats S6", "METHODOLOGY").path("id").asText();
            EventClock.at("2031-03-15T00:30:00Z");
            flow.accept(s6, "URGENT");

            EventClock.at("2031-03-18T00:00:00Z");
            String s7 = flow.submit("investigator2", "Stats S7", "BIOSTATISTICS").path("id").asText();
            EventClock.at("2031-03-18T01:00:00Z");
            flow.ask("coordinator", s7, "Which endpoints?");

            EventClock.at("2031-03-25T00:00:00Z");
            String s8 = flow.submit("investigator1", "Stats S8", "METHODOLOGY", "BIOSTATISTICS").path("id").asText();
            EventClock.at("2031-03-25T12:00:00Z");
            flow.accept(s8, "NORMAL");
            EventClock.at("2031-03-25T13:00:00Z");
            flow.assign(s8, "METHODOLOGY", "OUS");
            EventClock.at("2031-03-26T00:00:00Z");
            flow.withdraw("investigator1", s8);

            // just before the period
            EventClock.at("2031-02-28T23:59:59Z");
            String before = flow.submit("investigator1", "Stats before", "MONITORING").path("id").asText();
            EventClock.at("2031-03-01T10:00:00Z");
            flow.accept(before, "LOW");
            String beforeAssignment = flow.assign(before, "MONITORING", "OUS");
            EventClock.at("2031-03-20T10:00:00Z");
            flow.acknowledge(before, beforeAssignment, "OUS");
            flow.completeAssignment(before, beforeAssignment, "OUS");
            EventClock.at("2031-03-30T00:00:00Z");
            flow.complete(before);

            // at the end of the period, which is not part of it
            EventClock.at("2031-04-01T00:00:00Z");
            String after = flow.submit("investigator2", "Stats after", "MONITORING").path("id").asText();
            EventClock.at("2031-04-01T00:00:01Z");
            flow.accept(after, "LOW");
            String afterAssignment = flow.assign(after, "MONITORING", "HUS");
            EventClock.at("2031-04-01T00:00:02Z");
            flow.decline(after, afterAssignment, "HUS");
        } finally {
            EventClock.reset();
        }
    }

    private JsonNode stats(String query) {
        Api.Answer answer = as("coordinator").get("/api/stats?" + query);
        assertThat(answer.status()).as("stats %s: %s", query, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
        return counts;
    }

    private static void assertDuration(JsonNode duration, long count, double median, double p90) {
        assertThat(duration.path("count").asLong()).isEqualTo(count);
        assertThat(duration.path("medianSeconds").asDouble()).isCloseTo(median, within(0.001));
        assertThat(duration.path("p90Seconds").asDouble()).isCloseTo(p90, within(0.001));
    }

    @Test
    void countsTheRequestsSubmittedInThePeriodPerStatusAndService() {
        JsonNode stats = stats(MARCH);
        assertThat(stats.path("from").asText()).isEqualTo("2031-03-01T00:00:00Z");
        assertThat(stats.path("to").asText()).isEqualTo("2031-04-01T00:00:00Z");
        assertThat(stats.path("requests").asLong()).isEqualTo(8);
        assertThat(counts(stats.path("byStatus"))).isEqualTo(new TreeMap<>(Map.of(
                "SUBMITTED", 1L, "AWAITING_INFO", 1L, "ACCEPTED", 1L, "IN_PROGRESS", 1L,
                "COMPLETED", 2L, "REJECTED", 1L, "WITHDRAWN", 1L)));
        Map<String, Long> byService = new TreeMap<>();
        byService.putAll(Map.of("METHODOLOGY", 2L, "BIOSTATISTICS", 2L, "REGULATORY", 1L, "DATA_MANAGEMENT", 1L,
                "MONITORING", 3L, "PHARMACOVIGILANCE", 0L, "PROJECT_MANAGEMENT", 0L, "STUDY_NURSES", 1L,
                "BIOBANK", 1L, "HEALTH_ECONOMICS", 0L));
        byService.putAll(Map.of("PATIENT_INVOLVEMENT", 0L, "CONTRACTS_FUNDING", 0L, "GCP_TRAINING", 0L));
        assertThat(counts(stats.path("byService"))).isEqualTo(byService);
    }

    @Test
    void countsAssignmentsPerHospitalAndStatus() {
        JsonNode byHospital = stats(MARCH).path("assignmentsByHospital");
        assertThat(byHospital.size()).isEqualTo(2);
        assertThat(counts(byHospital.path("OUS"))).isEqualTo(Map.of("COMPLETED", 2L, "CANCELLED", 1L));
        assertThat(counts(byHospital.path("HUS"))).isEqualTo(Map.of("COMPLETED", 1L, "DECLINED", 1L, "PENDING", 1L));
    }

    @Test
    void measuresMedianAndNinetiethPercentileOfTimeToTriage() {
        assertDuration(stats(MARCH).path("timeToTriage"), 6, 9000, 32400);
    }

    @Test
    void measuresMedianAndNinetiethPercentileOfTimeToHospitalResponse() {
        assertDuration(stats(MARCH).path("timeToHospitalResponse"), 4, 5400, 9720);
    }

    @Test
    void measuresMedianAndNinetiethPercentileOfTimeToCompletion() {
        assertDuration(stats(MARCH).path("timeToCompletion"), 2, 259200, 328320);
    }

    @Test
    void countsTheServiceLevelResultsOfTheRealClocksPerClockAndHospital() {
        // default targets: triage 5, hospital response 3, delivery 40 working days. Every triage and
        // delivery in March ended well in time (S5's triage runs, S7's is paused); of the responses
        // only "before"'s breached: assigned on Saturday 03-01, acknowledged on 03-20.
        assertThat(records(stats(MARCH))).containsExactly(
                "TRIAGE - met=7 breached=0",
                "HOSPITAL_RESPONSE HUS met=2 breached=0",
                "HOSPITAL_RESPONSE OUS met=3 breached=1",
                "DELIVERY HUS met=1 breached=0",
                "DELIVERY OUS met=3 breached=0");
    }

    @Test
    void reportsNoServiceLevelResultsWhereNoClockHasAResult() {
        // S5 was submitted in these days and S4's response clock runs through them, but no clock
        // got its result then: no record at all rather than zeros
        JsonNode stats = stats("from=2031-03-13T00:00:00Z&to=2031-03-15T00:00:00Z");
        assertThat(stats.path("requests").asLong()).isEqualTo(1);
        assertThat(stats.path("sla").isArray()).isTrue();
        assertThat(stats.path("sla")).isEmpty();
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
    void narrowerPeriodCountsOnlyItsOwnRequests() {
        JsonNode stats = stats("from=2031-03-05T00:00:00Z&to=2031-03-12T00:00:00Z");
        assertThat(stats.path("requests").asLong()).isEqualTo(2);
        assertThat(stats.path("byStatus").path("COMPLETED").asLong()).isEqualTo(1);
        assertThat(stats.path("byStatus").path("REJECTED").asLong()).isEqualTo(1);
        assertThat(stats.path("byStatus").path("IN_PROGRESS").asLong()).isZero();
        assertThat(counts(stats.path("assignmentsByHospital").path("HUS"))).isEqualTo(Map.of("COMPLETED", 1L));
        assertThat(stats.path("assignmentsByHospital").has("OUS")).isFalse();
        assertDuration(stats.path("timeToTriage"), 2, 9000, 10440);
        assertDuration(stats.path("timeToHospitalResponse"), 1, 3600, 3600);
        assertDuration(stats.path("timeToCompletion"), 1, 345600, 345600);
    }

    @Test
    void emptyPeriodHasZeroCountsAndNoDurations() {
        JsonNode stats = stats("from=2031-05-01T00:00:00Z&to=2031-06-01T00:00:00Z");
        assertThat(stats.path("requests").asLong()).isZero();
        assertThat(counts(stats.path("byStatus")).values()).hasSize(7).containsOnly(0L);
        assertThat(counts(stats.path("byService")).values()).hasSize(13).containsOnly(0L);
        assertThat(stats.path("assignmentsByHospital")).isEmpty();
        for (String duration : List.of("timeToTriage", "timeToHospitalResponse", "timeToCompletion")) {
            assertThat(stats.path(duration).path("count").asLong()).as(duration).isZero();
            assertThat(stats.path(duration).path("medianSeconds").isNull()).as(duration).isTrue();
            assertThat(stats.path(duration).path("p90Seconds").isNull()).as(duration).isTrue();
        }
    }

    @Test
    void withoutAPeriodCountsEveryRequest() {
        JsonNode all = stats("");
        assertThat(all.path("from").isNull()).isTrue();
        assertThat(all.path("to").isNull()).isTrue();
        assertThat(all.path("requests").asLong()).isGreaterThanOrEqualTo(10);
        JsonNode fromMarch = stats("from=2031-03-01T00:00:00Z");
        assertThat(fromMarch.path("requests").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(fromMarch.path("requests").asLong()).isLessThan(all.path("requests").asLong());
    }

    @Test
    void coordinatorsAuditorsAndAdminsMayReadStatistics() {
        for (String user : List.of("coordinator", "auditor", "admin")) {
            Api.Answer answer = as(user).get("/api/stats?" + MARCH);
            assertThat(answer.status()).as(user).isEqualTo(200);
            assertThat(answer.body().path("requests").asLong()).as(user).isEqualTo(8);
        }
        for (String user : List.of("investigator1", "ous-staff")) {
            assertThat(as(user).get("/api/stats").status()).as(user).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/stats").status()).isEqualTo(401);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStartsOrIsNoTime() {
        Api coordinator = as("coordinator");
        assertThat(coordinator.get("/api/stats?from=2031-04-01T00:00:00Z&to=2031-03-01T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(coordinator.get("/api/stats?from=2031-03-01T00:00:00Z&to=2031-03-01T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(coordinator.get("/api/stats?from=March").status()).isEqualTo(400);
    }
}
