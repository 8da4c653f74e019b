package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.api.access.RequestScope;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;
import org.studysupport.support.EventStream;
import org.studysupport.support.EventStream.Event;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.support.ProblemAssert.assertProblem;

/**
 * One visibility policy for every output: on a request shared by OUS and HUS, each hospital's staff
 * see the other's assignments without note, reason and summary, in the view, the view as of a past
 * moment, the list, their queue and the live stream; investigators never get an INTERNAL comment
 * through any output; the list's SQL scope and the in-memory check agree for every role.
 */
class VisibilityPolicyApiTest extends PostgresApiTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
    private static final List<String> DEMO_USERS = List.of("investigator1", "investigator2", "coordinator",
            "ous-staff", "hus-staff", "auditor", "admin");

    /** A request with assignments at OUS and HUS in every state, and the marked texts of each hospital's. */
    private record SharedRequest(String id, String title, String ousOpenAssignment, String husOpenAssignment,
                                 Map<String, List<String>> detailsBy) {
    }

    private SharedRequest sharedByOusAndHus() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Shared visibility " + marker;
        String id = accepted(title, "MONITORING", "BIOBANK", "DATA_MANAGEMENT", "PHARMACOVIGILANCE", "REGULATORY",
                "HEALTH_ECONOMICS");
        Map<String, List<String>> details = new HashMap<>();
        details.put("OUS", new ArrayList<>());
        details.put("HUS", new ArrayList<>());

        // OUS: one delivered (note, summary), one declined (note, reason)
        String monitoring = assignWithNote(id, "MONITORING", "OUS", details, marker);
        acknowledge("ous-staff", id, monitoring);
        act("ous-staff", id, monitoring, "complete", "summary", "OUS", details, "delivery summary " + marker);
        String biobank = assignWithNote(id, "BIOBANK", "OUS", details, marker);
        act("ous-staff", id, biobank, "decline", "reason", "OUS", details, "decline reason " + marker);

        // HUS: one reassigned to OUS, one delivered, one cancelled, one still pending
        String dataManagement = assignWithNote(id, "DATA_MANAGEMENT", "HUS", details, marker);
        act("coordinator", id, dataManagement, "reassign", "reason", "HUS", details, "reassign reason " + marker,
                "hospital", "OUS");
        String pharmacovigilance = assignWithNote(id, "PHARMACOVIGILANCE", "HUS", details, marker);
        acknowledge("hus-staff", id, pharmacovigilance);
        act("hus-staff", id, pharmacovigilance, "complete", "summary", "HUS", details, "delivery summary " + marker);
        String regulatory = assignWithNote(id, "REGULATORY", "HUS", details, marker);
        act("coordinator", id, regulatory, "cancel", "reason", "HUS", details, "cancel reason " + marker);
        String healthEconomics = assignWithNote(id, "HEALTH_ECONOMICS", "HUS", details, marker);

        JsonNode whole = read("coordinator", id);
        String ousOpen = null;
        for (JsonNode assignment : whole.path("assignments")) {
            if (assignment.path("service").asText().equals("DATA_MANAGEMENT")
                    && assignment.path("hospital").asText().equals("OUS")) {
                ousOpen = assignment.path("id").asText();
            }
        }
        assertThat(ousOpen).as("the reassignment opened one at OUS").isNotNull();
        return new SharedRequest(id, title, ousOpen, healthEconomics, details);
    }

    private String assignWithNote(String id, String service, String hospital, Map<String, List<String>> details,
                                  String marker) {
        String note = hospital + " " + service + " note " + marker;
        details.get(hospital).add(note);
        JsonNode view = ok(as("coordinator").post(path(id, "assignments"),
                Map.of("service", service, "hospital", hospital, "note", note)));
        for (JsonNode assignment : view.path("assignments")) {
            if (assignment.path("service").asText().equals(service)
                    && assignment.path("hospital").asText().equals(hospital)
                    && assignment.path("status").asText().equals("PENDING")) {
                return assignment.path("id").asText();
            }
        }
        throw new AssertionError("no PENDING " + service + " at " + hospital + ": " + view);
    }

    private void act(String user, String id, String assignmentId, String action, String field, String hospital,
                     Map<String, List<String>> details, String text, String... more) {
        String marked = hospital + " " + text;
        details.get(hospital).add(marked);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(field, marked);
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        ok(as(user).post(path(id, "assignments", assignmentId, action), body));
    }

    @Test
    void hospitalStaffSeeTheOtherHospitalsAssignmentsWithoutNoteReasonAndSummaryAndTheirOwnInFull() {
        SharedRequest shared = sharedByOusAndHus();

        for (String hospital : List.of("OUS", "HUS")) {
            String other = hospital.equals("OUS") ? "HUS" : "OUS";
            String staff = Workflow.staffOf(hospital);
            JsonNode view = read(staff, shared.id());
            assertSeesOwnInFullAndOthersWithoutDetails(view, hospital, shared);
            assertThat(view.toString()).as(staff + "'s view").doesNotContain(shared.detailsBy().get(other));

            JsonNode past = ok(as(staff).get(asOf(shared.id(), view.path("updatedAt").asText())));
            assertSeesOwnInFullAndOthersWithoutDetails(past, hospital, shared);
            assertThat(past.toString()).as(staff + "'s view as of now").doesNotContain(shared.detailsBy().get(other));
            assertThat(past.path("assignments")).as("as of the last change, as today").isEqualTo(view.path("assignments"));
        }
    }

    private static void assertSeesOwnInFullAndOthersWithoutDetails(JsonNode view, String hospital,
                                                                   SharedRequest shared) {
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode assignment : view.path("assignments")) {
            String at = assignment.path("hospital").asText();
            seen.merge(at, 1, Integer::sum);
            String what = at + " " + assignment.path("service").asText() + " " + assignment.path("status").asText();
            assertThat(assignment.path("status").asText()).as(what).isNotBlank();
            assertThat(assignment.path("createdAt").isTextual()).as(what + " createdAt").isTrue();
            if (at.equals(hospital)) {
                if (!assignment.path("id").asText().equals(shared.ousOpenAssignment())) {
                    assertThat(assignment.path("note").asText()).as(what + " note").contains(hospital + " ");
                }
                switch (assignment.path("status").asText()) {
                    case "COMPLETED" -> assertThat(assignment.path("summary").asText()).as(what).contains("summary");
                    case "DECLINED", "REASSIGNED", "CANCELLED" ->
                            assertThat(assignment.path("reason").asText()).as(what).contains("reason");
                    default -> { }
                }
            } else {
                assertThat(assignment.path("note").isNull()).as(what + " note").isTrue();
                assertThat(assignment.path("reason").isNull()).as(what + " reason").isTrue();
                assertThat(assignment.path("summary").isNull()).as(what + " summary").isTrue();
                if (assignment.path("status").asText().equals("COMPLETED")) {
                    assertThat(assignment.path("completedAt").isTextual()).as(what + " completedAt").isTrue();
                }
                if (!assignment.path("status").asText().equals("PENDING")
                        && !assignment.path("status").asText().equals("REASSIGNED")
                        && !assignment.path("status").asText().equals("CANCELLED")) {
                    assertThat(assignment.path("respondedAt").isTextual()).as(what + " respondedAt").isTrue();
                }
            }
        }
        assertThat(seen).as("both hospitals' assignments are listed").containsEntry("OUS", 3).containsEntry("HUS", 4);
        Set<String> clockHospitals = new HashSet<>();
        view.path("sla").forEach(clock -> clockHospitals.add(clock.path("hospital").asText()));
        assertThat(clockHospitals).as("the service-level clocks of both hospitals' assignments").contains("OUS", "HUS");
        assertThat(view.path("contact").isNull() || view.path("contact").isMissingNode()).as("contact").isTrue();
    }

    @Test
    void coordinatorsAuditorsAdminsAndTheOwnerSeeEveryAssignmentInFull() {
        SharedRequest shared = sharedByOusAndHus();

        for (String reader : List.of("coordinator", "auditor", "admin", "investigator1")) {
            String view = read(reader, shared.id()).toString();
            assertThat(view).as(reader).contains(shared.detailsBy().get("OUS")).contains(shared.detailsBy().get("HUS"));
        }
    }

    @Test
    void listAndHospitalQueueShowNoOtherHospitalsDetailsAndTheQueueOnlyTheOwnHospital() {
        SharedRequest shared = sharedByOusAndHus();

        for (String hospital : List.of("OUS", "HUS")) {
            String other = hospital.equals("OUS") ? "HUS" : "OUS";
            String staff = Workflow.staffOf(hospital);
            JsonNode page = ok(as(staff).get("/api/requests?size=200&q="
                    + URLEncoder.encode(shared.title(), StandardCharsets.UTF_8)));
            assertThat(Workflow.ids(page)).as(staff).containsExactly(shared.id());
            assertThat(page.path("items").get(0).path("hospitals").toString()).as("both hospitals are named")
                    .isEqualTo("[\"OUS\",\"HUS\"]");
            assertThat(page.toString()).doesNotContain(shared.detailsBy().get(other));

            List<JsonNode> queue = Workflow.allItems(as(staff), "/api/queues/hospitals/" + hospital);
            List<JsonNode> ofShared = queue.stream()
                    .filter(item -> item.path("requestId").asText().equals(shared.id())).toList();
            String open = hospital.equals("OUS") ? shared.ousOpenAssignment() : shared.husOpenAssignment();
            assertThat(Workflow.ids(ofShared, "assignmentId")).as(staff + "'s queue").containsExactly(open);
            assertThat(queue).allSatisfy(item -> assertThat(item.path("hospital").asText()).isEqualTo(hospital));
            assertThat(queue.toString()).doesNotContain(shared.detailsBy().get(other));
            assertProblem(as(staff).get("/api/queues/hospitals/" + other), 403);
        }
    }

    @Test
    void theStreamNamesBothHospitalsOfASharedRequestToEachAsItsViewDoes() {
        SharedRequest shared = sharedByOusAndHus();

        for (String staff : List.of("ous-staff", "hus-staff")) {
            try (EventStream stream = EventStream.open(port, staff)) {
                Event probe = stream.sync(() -> ok(as("coordinator").post(path(shared.id(), "comments"),
                                Map.of("text", "probe", "visibility", "PUBLIC"))),
                        event -> event.requestId().equals(shared.id()) && event.eventType().equals("CommentAdded"));
                List<String> viewHospitals = new ArrayList<>();
                read(staff, shared.id()).path("assignments").forEach(a -> {
                    if (!viewHospitals.contains(a.path("hospital").asText())) {
                        viewHospitals.add(a.path("hospital").asText());
                    }
                });
                List<String> streamHospitals = new ArrayList<>();
                probe.data().path("hospitals").forEach(h -> streamHospitals.add(h.asText()));
                assertThat(streamHospitals).as(staff).isEqualTo(viewHospitals).containsExactly("OUS", "HUS");
                assertThat(probe.data().toString()).doesNotContain(shared.detailsBy().get("OUS"))
                        .doesNotContain(shared.detailsBy().get("HUS"));
            }
        }
    }

    @Test
    void anInvestigatorNeverGetsAnInternalCommentThroughAnyOutput() {
        String secret = "Internal only " + UUID.randomUUID();
        String id = accepted(unique("Internal everywhere"), "MONITORING");
        assign(id, "MONITORING", "OUS");

        try (EventStream stream = EventStream.open(port, "investigator1")) {
            Event synced = stream.sync(() -> ok(as("investigator1").post(path(id, "comments"),
                            Map.of("text", "probe", "visibility", "PUBLIC"))),
                    event -> event.requestId().equals(id) && event.eventType().equals("CommentAdded"));
            ok(as("coordinator").post(path(id, "comments"), Map.of("text", secret + " coordinator",
                    "visibility", "INTERNAL")));
            JsonNode last = ok(as("ous-staff").post(path(id, "comments"), Map.of("text", secret + " hospital",
                    "visibility", "INTERNAL")));
            ok(as("coordinator").post(path(id, "comments"), Map.of("text", "For everyone", "visibility", "PUBLIC")));

            stream.expect(event -> event.requestId().equals(id) && event.eventType().equals("CommentAdded")
                    && event.position() > synced.position(), FEW_SECONDS, "the PUBLIC comment");
            assertThat(stream.eventsAbout(id, synced)).as("the INTERNAL comments are not even announced")
                    .hasSize(1);

            String moment = last.path("updatedAt").asText();
            JsonNode view = read("investigator1", id);
            JsonNode past = ok(as("investigator1").get(asOf(id, moment)));
            JsonNode history = ok(as("investigator1").get(path(id, "history")));
            for (JsonNode output : List.of(view, past, history)) {
                assertThat(output.toString()).doesNotContain(secret).doesNotContain("INTERNAL");
            }
            assertThat(read("coordinator", id).toString()).contains(secret + " coordinator", secret + " hospital");
            assertThat(ok(as("coordinator").get(asOf(id, moment))).toString()).contains(secret + " hospital");
            assertThat(ok(as("auditor").get(path(id, "history"))).toString()).contains(secret + " coordinator");
        }
    }

    @Test
    void theListsSqlScopeAndTheInMemoryCheckAgreeForEveryRole() {
        String token = unique("Scope agreement");
        List<String> ids = new ArrayList<>();
        ids.add(submitAs("investigator1", token + " own one", "MONITORING"));
        ids.add(submitAs("investigator2", token + " own two", "MONITORING"));
        String ous = accepted(token + " ous", "MONITORING");
        assign(ous, "MONITORING", "OUS");
        String hus = accepted(token + " hus", "MONITORING");
        assign(hus, "MONITORING", "HUS");
        String both = accepted(token + " both", "MONITORING", "BIOBANK");
        assign(both, "MONITORING", "OUS");
        assign(both, "BIOBANK", "HUS");
        String declined = accepted(token + " declined", "MONITORING");
        String declinedAssignment = assign(declined, "MONITORING", "HUS");
        ok(as("hus-staff").post(path(declined, "assignments", declinedAssignment, "decline"),
                Map.of("reason", "Full")));
        String reassigned = accepted(token + " reassigned", "MONITORING");
        String moved = assign(reassigned, "MONITORING", "HUS");
        ok(as("coordinator").post(path(reassigned, "assignments", moved, "reassign"),
                Map.of("hospital", "OUS", "reason", "Closer")));
        String unassigned = accepted(token + " unassigned", "MONITORING");
        ids.addAll(List.of(ous, hus, both, declined, reassigned, unassigned));

        Map<String, JsonNode> whole = new HashMap<>();
        ids.forEach(id -> whole.put(id, read("coordinator", id)));
        for (String user : DEMO_USERS) {
            Set<String> listed = new HashSet<>(Workflow.ids(Workflow.allItems(as(user),
                    "/api/requests?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), "id"));
            Set<String> readable = new HashSet<>();
            Set<String> inScope = new HashSet<>();
            RequestScope scope = RequestScope.of(actor(user));
            for (String id : ids) {
                int status = as(user).get(path(id)).status();
                assertThat(status).as(user + " reading " + id).isIn(200, 404);
                if (status == 200) {
                    readable.add(id);
                }
                if (scope.includes(whole.get(id).path("investigatorId").asText(), hospitals(whole.get(id)))) {
                    inScope.add(id);
                }
            }
            assertThat(listed).as(user + ": the list against reading each").isEqualTo(readable);
            assertThat(listed).as(user + ": the list against the policy in memory").isEqualTo(inScope);
        }
        assertThat(setOf(ids, "ous-staff")).containsExactlyInAnyOrder(ous, both, reassigned);
        assertThat(setOf(ids, "hus-staff")).containsExactlyInAnyOrder(hus, both, declined, reassigned);
    }

    private Set<String> setOf(List<String> ids, String user) {
        Set<String> readable = new HashSet<>();
        ids.forEach(id -> {
            if (as(user).get(path(id)).status() == 200) {
                readable.add(id);
            }
        });
        return readable;
    }

    private static List<String> hospitals(JsonNode view) {
        List<String> hospitals = new ArrayList<>();
        view.path("assignments").forEach(a -> hospitals.add(a.path("hospital").asText()));
        return hospitals;
    }

    private static Actor actor(String user) {
        return switch (user) {
            case "investigator1", "investigator2" -> Actor.of(user, Role.INVESTIGATOR);
            case "ous-staff" -> Actor.hospitalStaff(user, "OUS");
            case "hus-staff" -> Actor.hospitalStaff(user, "HUS");
            case "coordinator" -> Actor.of(user, Role.COORDINATOR);
            case "auditor" -> Actor.of(user, Role.AUDITOR);
            case "admin" -> Actor.of(user, Role.ADMIN);
            default -> throw new IllegalArgumentException(user);
        };
    }

    private static String asOf(String id, String moment) {
        return path(id) + "?asOf=" + moment;
    }
}
