package org.studysupport.web.insight;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EventClock;
import org.studysupport.support.SeparateDatabaseApiTest;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/requests/{id}/recommendations} on a database of its own, so that open workload and
 * response times are exactly those built here. (No other test on this database may create
 * assignments.) UNN does not accept requests in this application context.
 */
class RecommendationsApiTest extends SeparateDatabaseApiTest {

    @AfterEach
    void realTime() {
        EventClock.reset();
    }

    /** One line per ranked hospital: rank, code, open assignments, median hours, responses, declined before. */
    private List<String> ranking(String requestId, String service) {
        Api.Answer answer = as("coordinator").get("/api/requests/" + requestId + "/recommendations?service=" + service);
        assertThat(answer.status()).as("recommendations: %s", answer.body()).isEqualTo(200);
        assertThat(answer.text("service")).isEqualTo(service);
        List<String> lines = new ArrayList<>();
        for (JsonNode hospital : answer.body().path("hospitals")) {
            JsonNode median = hospital.path("medianResponseHours");
            lines.add(hospital.path("rank").asInt() + " " + hospital.path("hospital").asText()
                    + " open=" + hospital.path("openAssignments").asLong()
                    + " median=" + (median.isNull() ? "none" : String.format(Locale.ROOT, "%.2f", median.asDouble()))
                    + " responses=" + hospital.path("responsesConsidered").asLong()
                    + (hospital.path("declinedBefore").asBoolean() ? " declined" : ""));
        }
        return lines;
    }

    private JsonNode recommendation(String requestId, String service, String hospital) {
        JsonNode all = as("coordinator").get("/api/requests/" + requestId + "/recommendations?service=" + service)
                .body().path("hospitals");
        for (JsonNode candidate : all) {
            if (candidate.path("hospital").asText().equals(hospital)) {
                return candidate;
            }
        }
        throw new AssertionError(hospital + " is not recommended: " + all);
    }

    /** A request for the service, accepted and assigned at {@code at}; the hospital answers {@code after} later. */
    private String answered(Workflow flow, Instant at, String service, String hospital, Duration after,
                            boolean acknowledge) {
        EventClock.at(at);
        String id = flow.submit("investigator1", "Workload " + UUID.randomUUID(), service).path("id").asText();
        flow.accept(id, "NORMAL");
        String assignment = flow.assign(id, service, hospital);
        EventClock.at(at.plus(after));
        if (acknowledge) {
            flow.acknowledge(id, assignment, hospital);
            flow.completeAssignment(id, assignment, hospital);
        } else {
            flow.decline(id, assignment, hospital);
        }
        return id;
    }

    @Test
    void ranksHospitalsByEarlierDeclineThenOpenWorkloadThenMedianResponseThenCode() {
        Workflow flow = workflow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant base = now.minus(Duration.ofDays(20));

        // outside the 90-day window: a fast answer that must not count
        answered(flow, now.minus(Duration.ofDays(120)), "MONITORING", "OUS", Duration.ofMinutes(30), true);
        // OUS answers in 2, 4 (declining) and 9 hours; HUS in 1 and 3 hours
        answered(flow, base, "MONITORING", "OUS", Duration.ofHours(2), true);
        answered(flow, base.plus(Duration.ofDays(1)), "MONITORING", "OUS", Duration.ofHours(4), false);
        answered(flow, base.plus(Duration.ofDays(2)), "MONITORING", "OUS", Duration.ofHours(9), true);
        answered(flow, base.plus(Duration.ofDays(3)), "DATA_MANAGEMENT", "HUS", Duration.ofHours(1), true);
        answered(flow, base.plus(Duration.ofDays(4)), "DATA_MANAGEMENT", "HUS", Duration.ofHours(3), true);

        EventClock.at(base.plus(Duration.ofDays(4)).plus(Duration.ofHours(12)));
        String target = flow.submit("investigator2", "Biobank and monitoring", "BIOBANK", "MONITORING")
                .path("id").asText();
        flow.accept(target, "HIGH");

        // nobody has open work: the fastest median first, no answers at all last
        assertThat(ranking(target, "BIOBANK")).containsExactly(
                "1 HUS open=0 median=2.00 responses=2",
                "2 OUS open=0 median=4.00 responses=3",
                "3 STO open=0 median=none responses=0");
        JsonNode ous = recommendation(target, "BIOBANK", "OUS");
        assertThat(ous.path("name").asText()).isEqualTo("Oslo University Hospital");
        assertThat(ous.path("reasons").toString()).isEqualTo("[\"0 open assignments (pending or active)\","
                + "\"median response 4.0 hours over 3 assignments answered in the last 90 days\","
                + "\"service levels in the last 90 days: hospital response 3 met, 0 breached; delivery 2 met, 0 breached\"]");
        assertThat(recommendation(target, "BIOBANK", "STO").path("reasons").get(1).asText())
                .isEqualTo("no assignment answered in the last 90 days");

        // open work weighs more than a fast median (assigned an hour ago: its response clock, due in
        // 3 working days, does not breach while this test runs)
        EventClock.at(now.minus(Duration.ofHours(1)));
        String pending = flow.submit("investigator1", "Pending at HUS", "MONITORING").path("id").asText();
        flow.accept(pending, "NORMAL");
        flow.assign(pending, "MONITORING", "HUS");
        assertThat(ranking(target, "BIOBANK")).containsExactly(
                "1 OUS open=0 median=4.00 responses=3",
                "2 STO open=0 median=none responses=0",
                "3 HUS open=1 median=2.00 responses=2");
        assertThat(recommendation(target, "BIOBANK", "HUS").path("reasons").get(0).asText())
                .isEqualTo("1 open assignment (pending or active)");

        // a hospital that declined this service on this request comes last; its 6-hour decline counts
        EventClock.at(base.plus(Duration.ofDays(6)));
        String biobank = flow.assign(target, "BIOBANK", "OUS");
        EventClock.at(base.plus(Duration.ofDays(6)).plus(Duration.ofHours(6)));
        flow.decline(target, biobank, "OUS");
        assertThat(ranking(target, "BIOBANK")).containsExactly(
                "1 STO open=0 median=none responses=0",
                "2 HUS open=1 median=2.00 responses=2",
                "3 OUS open=0 median=5.00 responses=4 declined");
        JsonNode declined = recommendation(target, "BIOBANK", "OUS");
        assertThat(declined.path("reasons").get(0).asText()).isEqualTo("declined BIOBANK on this request before");
        assertThat(declined.path("reasons").get(2).asText())
                .isEqualTo("median response 5.0 hours over 4 assignments answered in the last 90 days");
        // every clock here ended in time (default targets: 3 and 40 working days): 4 responses and 2
        // deliveries met, so the service-level record does not tell the hospitals apart (see SlaInsightApiTest)
        assertThat(declined.path("slaMet").asLong()).isEqualTo(6);
        assertThat(declined.path("slaBreached").asLong()).isZero();
        assertThat(recommendation(target, "BIOBANK", "HUS").path("slaMet").asLong()).isEqualTo(4);
        assertThat(recommendation(target, "BIOBANK", "HUS").path("slaBreached").asLong()).isZero();

        // another service of the same request: only its own declines count; equal hospitals go by code;
        // UNN offers MONITORING but does not accept requests, STO does not offer it
        assertThat(ranking(target, "MONITORING")).containsExactly(
                "1 OUS open=0 median=5.00 responses=4",
                "2 AHUS open=0 median=none responses=0",
                "3 SUS open=0 median=none responses=0",
                "4 HUS open=1 median=2.00 responses=2");
    }

    @Test
    void hospitalThatDoesNotAcceptRequestsIsNeverRecommended() {
        JsonNode hospitals = as("coordinator").get("/api/hospitals").body();
        boolean unnAccepting = true;
        for (JsonNode hospital : hospitals) {
            if (hospital.path("code").asText().equals("UNN")) {
                unnAccepting = hospital.path("acceptingRequests").asBoolean();
            }
        }
        assertThat(unnAccepting).as("UNN accepting requests in this context").isFalse();

        Workflow flow = workflow();
        String id = flow.submit("investigator1", "Study nurses " + UUID.randomUUID(), "STUDY_NURSES").path("id").asText();
        List<String> codes = new ArrayList<>();
        as("coordinator").get("/api/requests/" + id + "/recommendations?service=STUDY_NURSES").body()
                .path("hospitals").forEach(h -> codes.add(h.path("hospital").asText()));
        assertThat(codes).containsExactlyInAnyOrder("OUS", "AHUS", "SUS");
    }

    @Test
    void serviceTheRequestDidNotAskForIsAConflict() {
        String id = workflow().submit("investigator1", "Not requested " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        Api.Answer answer = as("coordinator").get("/api/requests/" + id + "/recommendations?service=REGULATORY");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.headers().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void unknownRequestIsNotFoundAndServiceIsRequired() {
        Api coordinator = as("coordinator");
        assertThat(coordinator.get("/api/requests/" + UUID.randomUUID() + "/recommendations?service=MONITORING")
                .status()).isEqualTo(404);
        String id = workflow().submit("investigator1", "Bad service " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        assertThat(coordinator.get("/api/requests/" + id + "/recommendations").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/requests/" + id + "/recommendations?service=ASTROLOGY").status())
                .isEqualTo(400);
    }

    @Test
    void onlyCoordinatorsGetRecommendations() {
        String id = workflow().submit("investigator1", "Who asks " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        for (String user : List.of("investigator1", "ous-staff", "auditor", "admin")) {
            assertThat(as(user).get("/api/requests/" + id + "/recommendations?service=MONITORING").status())
                    .as(user).isEqualTo(403);
        }
    }
}
