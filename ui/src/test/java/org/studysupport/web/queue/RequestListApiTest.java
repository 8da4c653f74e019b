package org.studysupport.web.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/requests}: every filter, every sort in both directions, paging and who sees what.
 * Each test works on five requests of its own, found by a unique tag in their titles:
 * <pre>
 *   a  investigator1  MONITORING                  accepted LOW, MONITORING at OUS        IN_PROGRESS
 *   b  investigator1  DATA_MANAGEMENT, BIOBANK    accepted HIGH, DATA_MANAGEMENT at HUS  IN_PROGRESS
 *   c  investigator2  MONITORING                  (commented on last)                    SUBMITTED
 *   d  investigator2  REGULATORY                  "%" in its title, rejected             REJECTED
 *   e  investigator1  GCP_TRAINING                accepted NORMAL                        ACCEPTED
 * </pre>
 * submitted in the order a, b, c, d, e; last updated in the order a, b, d, e, c. The tests only
 * read them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestListApiTest extends PostgresApiTest {

    private String tag;
    private JsonNode a;
    private JsonNode b;
    private JsonNode c;
    private JsonNode d;
    private JsonNode e;

    @BeforeAll
    void fiveRequests() {
        Workflow flow = new Workflow(port);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        tag = "lst" + suffix;
        String a = flow.submit("investigator1", Workflow.submission("List " + tag + " alpha", "ALPHA-" + suffix,
                "MONITORING")).path("id").asText();
        String b = flow.submit("investigator1", Workflow.submission("List " + tag + " beta", "BetaCase-" + suffix,
                "DATA_MANAGEMENT", "BIOBANK")).path("id").asText();
        String c = flow.submit("investigator2", Workflow.submission("List " + tag + " gamma", "GAMMA-" + suffix,
                "MONITORING")).path("id").asText();
        String d = flow.submit("investigator2", Workflow.submission("List " + tag + "% delta", "DELTA-" + suffix,
                "REGULATORY")).path("id").asText();
        String e = flow.submit("investigator1", Workflow.submission("List " + tag + " epsilon", "EPS-" + suffix,
                "GCP_TRAINING")).path("id").asText();
        flow.accept(a, "LOW");
        flow.assign(a, "MONITORING", "OUS");
        flow.accept(b, "HIGH");
        flow.assign(b, "DATA_MANAGEMENT", "HUS");
        flow.reject(d);
        flow.accept(e, "NORMAL");
        flow.comment("coordinator", c, "Looking at it", "PUBLIC");
        this.a = flow.view("coordinator", a);
        this.b = flow.view("coordinator", b);
        this.c = flow.view("coordinator", c);
        this.d = flow.view("coordinator", d);
        this.e = flow.view("coordinator", e);
    }

    private JsonNode list(String user, String query) {
        Api.Answer answer = as(user).get("/api/requests?q=" + tag + (query.isEmpty() ? "" : "&" + query));
        assertThat(answer.status()).as("GET %s", query).isEqualTo(200);
        return answer.body();
    }

    /** The ids listed for the user, in order, after checking that the total counts them all. */
    private List<String> ids(String user, String query) {
        JsonNode page = list(user, query);
        assertThat(page.path("total").asLong()).as("total of %s", query).isEqualTo(page.path("items").size());
        return Workflow.ids(page);
    }

    private List<String> coordinatorIds(String query) {
        return ids("coordinator", query);
    }

    private static String id(JsonNode view) {
        return view.path("id").asText();
    }

    @Test
    void listsNewestSubmissionFirstByDefault() {
        assertThat(coordinatorIds("")).containsExactly(id(e), id(d), id(c), id(b), id(a));
    }

    @Test
    void summaryCarriesWhatAListShows() {
        JsonNode item = list("coordinator", "status=IN_PROGRESS&priority=LOW").path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo(id(a));
        assertThat(item.path("reference").asText()).isEqualTo(a.path("reference").asText());
        assertThat(item.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(item.path("priority").asText()).isEqualTo("LOW");
        assertThat(item.path("title").asText()).isEqualTo("List " + tag + " alpha");
        assertThat(item.path("acronym").asText()).startsWith("ALPHA-");
        assertThat(item.path("studyPhase").asText()).isEqualTo("PHASE_3");
        assertThat(item.path("services").toString()).isEqualTo("[\"MONITORING\"]");
        assertThat(item.path("hospitals").toString()).isEqualTo("[\"OUS\"]");
        assertThat(item.path("unassignedServices")).isEmpty();
        assertThat(item.path("waitingFor")).isEmpty();
        assertThat(item.path("investigatorId").asText()).isEqualTo("investigator1");
        assertThat(item.path("submittedAt").asText()).isEqualTo(a.path("submittedAt").asText());
        assertThat(item.path("updatedAt").asText()).isEqualTo(a.path("updatedAt").asText());
        assertThat(item.path("version").asLong()).isEqualTo(a.path("version").asLong());
        assertThat(item.path("escalated").asBoolean()).isFalse();
        assertThat(item.has("contact")).isFalse();
        assertThat(item.has("comments")).isFalse();
    }

    @Test
    void filtersByStatus() {
        assertThat(coordinatorIds("status=SUBMITTED")).containsExactly(id(c));
        assertThat(coordinatorIds("status=ACCEPTED")).containsExactly(id(e));
        assertThat(coordinatorIds("status=IN_PROGRESS")).containsExactly(id(b), id(a));
        assertThat(coordinatorIds("status=REJECTED")).containsExactly(id(d));
        assertThat(coordinatorIds("status=COMPLETED")).isEmpty();
    }

    @Test
    void filtersByRequestedService() {
        assertThat(coordinatorIds("service=MONITORING")).containsExactly(id(c), id(a));
        assertThat(coordinatorIds("service=BIOBANK")).containsExactly(id(b));
        assertThat(coordinatorIds("service=DATA_MANAGEMENT")).containsExactly(id(b));
        assertThat(coordinatorIds("service=BIOSTATISTICS")).isEmpty();
    }

    @Test
    void filtersByAssignedHospital() {
        assertThat(coordinatorIds("hospital=OUS")).containsExactly(id(a));
        assertThat(coordinatorIds("hospital=HUS")).containsExactly(id(b));
        assertThat(coordinatorIds("hospital=STO")).isEmpty();
    }

    @Test
    void filtersByPriority() {
        assertThat(coordinatorIds("priority=LOW")).containsExactly(id(a));
        assertThat(coordinatorIds("priority=NORMAL")).containsExactly(id(e));
        assertThat(coordinatorIds("priority=HIGH")).containsExactly(id(b));
        assertThat(coordinatorIds("priority=URGENT")).isEmpty();
    }

    @Test
    void freeTextMatchesTitleAcronymAndReferenceIgnoringCase() {
        Api coordinator = as("coordinator");
        assertThat(coordinatorIds("")).hasSize(5);
        assertThat(Workflow.ids(coordinator.get("/api/requests?q=" + tag.toUpperCase()).body()))
                .containsExactlyInAnyOrder(id(a), id(b), id(c), id(d), id(e));

        String acronym = b.path("acronym").asText();
        JsonNode byAcronym = coordinator.get("/api/requests?q=" + acronym.toLowerCase()).body();
        assertThat(Workflow.ids(byAcronym)).containsExactly(id(b));
        assertThat(byAcronym.path("total").asLong()).isEqualTo(1);

        String reference = c.path("reference").asText();
        JsonNode byReference = coordinator.get("/api/requests?q=" + reference.toLowerCase()).body();
        assertThat(Workflow.ids(byReference)).containsExactly(id(c));
    }

    @Test
    void freeTextTakesWildcardCharactersLiterally() throws Exception {
        // d's title holds the tag followed by "%"; as LIKE wildcards "%" and "_" would match all five
        assertThat(Workflow.ids(encodedGet("/api/requests?q=" + URLEncoder.encode(tag + "%", StandardCharsets.UTF_8))))
                .containsExactly(id(d));
        assertThat(Workflow.ids(encodedGet("/api/requests?q=" + URLEncoder.encode(tag + "_", StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(Workflow.ids(encodedGet("/api/requests?q=" + URLEncoder.encode("%" + tag, StandardCharsets.UTF_8))))
                .isEmpty();
    }

    /** A GET as the coordinator with a path and query sent exactly as given (already encoded). */
    private JsonNode encodedGet(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    @Test
    void filtersBySubmissionTimeFromInclusiveToExclusive() {
        String bAt = b.path("submittedAt").asText();
        String dAt = d.path("submittedAt").asText();
        assertThat(coordinatorIds("submittedFrom=" + bAt + "&submittedTo=" + dAt)).containsExactly(id(c), id(b));
        assertThat(coordinatorIds("submittedFrom=" + dAt)).containsExactly(id(e), id(d));
        assertThat(coordinatorIds("submittedTo=" + bAt)).containsExactly(id(a));
        assertThat(coordinatorIds("submittedFrom=" + dAt + "&submittedTo=" + dAt)).isEmpty();
    }

    @Test
    void combinesFilters() {
        assertThat(coordinatorIds("service=MONITORING&status=IN_PROGRESS")).containsExactly(id(a));
        assertThat(coordinatorIds("service=MONITORING&status=SUBMITTED&priority=LOW")).isEmpty();
        assertThat(coordinatorIds("hospital=HUS&priority=HIGH&submittedFrom=" + a.path("submittedAt").asText()))
                .containsExactly(id(b));
    }

    @Test
    void sortsBySubmissionTimeBothWays() {
        assertThat(coordinatorIds("sort=submittedAt,asc")).containsExactly(id(a), id(b), id(c), id(d), id(e));
        assertThat(coordinatorIds("sort=submittedAt,desc")).containsExactly(id(e), id(d), id(c), id(b), id(a));
        assertThat(coordinatorIds("sort=submittedAt")).containsExactly(id(a), id(b), id(c), id(d), id(e));
    }

    @Test
    void sortsByLastUpdateBothWays() {
        assertThat(coordinatorIds("sort=updatedAt,asc")).containsExactly(id(a), id(b), id(d), id(e), id(c));
        assertThat(coordinatorIds("sort=updatedAt,desc")).containsExactly(id(c), id(e), id(d), id(b), id(a));
    }

    @Test
    void sortsByPriorityMostPressingFirstWithRequestsWithoutPriorityLast() {
        assertThat(coordinatorIds("sort=priority,desc")).containsExactly(id(b), id(e), id(a), id(c), id(d));
    }

    @Test
    void sortsByPriorityLeastPressingFirstWithRequestsWithoutPriorityLast() {
        assertThat(coordinatorIds("sort=priority,asc")).containsExactly(id(a), id(e), id(b), id(c), id(d));
    }

    @Test
    void sortsByPriorityAscendingFromLowToHigh() {
        List<String> ids = coordinatorIds("sort=priority,asc");
        assertThat(ids).containsSubsequence(id(a), id(e), id(b));
    }

    @Test
    void sortsBySlaDueTimeBothWaysWithRequestsWithoutARunningClockLastInSubmissionOrder() {
        // the real clocks with the default targets: a's and b's response clocks (3 working days from
        // their assignments, a's first), c's triage clock (5 working days from its submission); d was
        // rejected and e accepted with its service unassigned, so no clock of theirs runs
        JsonNode ascending = list("coordinator", "sort=slaDueAt,asc");
        assertThat(Workflow.ids(ascending)).containsExactly(id(a), id(b), id(c), id(d), id(e));
        List<String> descending = coordinatorIds("sort=slaDueAt,desc");
        if (runningDueAt(a).isBefore(runningDueAt(b))) {
            assertThat(descending).containsExactly(id(c), id(b), id(a), id(d), id(e));
        } else {
            // assigned outside working days, both count from the same moment: equally due
            assertThat(descending.get(0)).isEqualTo(id(c));
            assertThat(descending.subList(1, 3)).containsExactlyInAnyOrder(id(a), id(b));
            assertThat(descending.subList(3, 5)).containsExactly(id(d), id(e));
        }
        List<JsonNode> views = List.of(a, b, c);
        for (int i = 0; i < views.size(); i++) {
            Instant listed = Instant.parse(ascending.path("items").get(i).path("slaDueAt").asText());
            assertThat(Duration.between(listed, runningDueAt(views.get(i))).abs())
                    .as("the list's due time is the running clock's").isLessThanOrEqualTo(Duration.ofMillis(1));
        }
        assertThat(ascending.path("items").get(3).path("slaDueAt").isNull()).isTrue();
        assertThat(ascending.path("items").get(4).path("slaDueAt").isNull()).isTrue();
    }

    /** The due time of the request's one running clock, from its view. */
    private static Instant runningDueAt(JsonNode view) {
        List<Instant> running = new ArrayList<>();
        view.path("sla").forEach(clock -> {
            if (clock.path("state").asText().equals("RUNNING")) {
                running.add(Instant.parse(clock.path("dueAt").asText()));
            }
        });
        assertThat(running).as("running clocks of %s", view.path("sla")).hasSize(1);
        return running.get(0);
    }

    @Test
    void pagesCountEveryMatch() {
        JsonNode first = list("coordinator", "size=2");
        assertThat(first.path("total").asLong()).isEqualTo(5);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(Workflow.ids(first)).containsExactly(id(e), id(d));
        JsonNode second = list("coordinator", "size=2&page=1");
        assertThat(second.path("total").asLong()).isEqualTo(5);
        assertThat(Workflow.ids(second)).containsExactly(id(c), id(b));
        JsonNode third = list("coordinator", "size=2&page=2");
        assertThat(Workflow.ids(third)).containsExactly(id(a));
        JsonNode beyond = list("coordinator", "size=2&page=3");
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asLong()).isEqualTo(5);

        JsonNode sortedPage = list("coordinator", "sort=updatedAt,asc&size=3&page=1");
        assertThat(Workflow.ids(sortedPage)).containsExactly(id(e), id(c));
        JsonNode filteredPage = list("coordinator", "service=MONITORING&size=1&page=1");
        assertThat(filteredPage.path("total").asLong()).isEqualTo(2);
        assertThat(Workflow.ids(filteredPage)).containsExactly(id(a));

        assertThat(list("coordinator", "").path("size").asInt()).isEqualTo(20);
        assertThat(list("coordinator", "size=200").path("items")).hasSize(5);
    }

    @Test
    void refusesBadPagingSortsAndFilterValues() {
        Api coordinator = as("coordinator");
        for (String query : List.of("size=0", "size=201", "page=-1", "sort=title", "sort=priority,sideways",
                "sort=priority,asc,desc", "status=OPEN", "priority=CRITICAL", "service=ASTROLOGY",
                "submittedFrom=yesterday", "submittedTo=2026-13-01T00:00:00Z")) {
            Api.Answer answer = coordinator.get("/api/requests?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.headers().getContentType()).as(query).hasToString("application/problem+json");
        }
    }

    @Test
    void investigatorsListOnlyTheirOwnRequests() {
        assertThat(ids("investigator1", "")).containsExactly(id(e), id(b), id(a));
        assertThat(ids("investigator2", "")).containsExactly(id(d), id(c));
        assertThat(ids("investigator1", "status=SUBMITTED")).isEmpty();
        assertThat(ids("investigator2", "service=MONITORING")).containsExactly(id(c));
    }

    @Test
    void hospitalStaffListOnlyRequestsAssignedToTheirHospital() {
        assertThat(ids("ous-staff", "")).containsExactly(id(a));
        assertThat(ids("hus-staff", "")).containsExactly(id(b));
        assertThat(ids("ous-staff", "hospital=HUS")).isEmpty();
        JsonNode item = list("hus-staff", "").path("items").get(0);
        assertThat(item.has("contact")).isFalse();
    }

    @Test
    void hospitalStaffKeepSeeingARequestTheyDeclined() {
        Workflow flow = new Workflow(port);
        String marker = "declined" + UUID.randomUUID().toString().replace("-", "");
        String id = flow.submit("investigator1", "List " + marker, "BIOBANK").path("id").asText();
        flow.accept(id, "NORMAL");
        String assignment = flow.assign(id, "BIOBANK", "HUS");
        flow.decline(id, assignment, "HUS");
        assertThat(Workflow.ids(as("hus-staff").get("/api/requests?q=" + marker).body())).containsExactly(id);
        assertThat(Workflow.ids(as("ous-staff").get("/api/requests?q=" + marker).body())).isEmpty();
    }

    @Test
    void auditorsAndAdminsListEverything() {
        assertThat(ids("auditor", "")).containsExactly(id(e), id(d), id(c), id(b), id(a));
        assertThat(ids("admin", "")).containsExactly(id(e), id(d), id(c), id(b), id(a));
        assertThat(anonymous().get("/api/requests").status()).isEqualTo(401);
    }
}
