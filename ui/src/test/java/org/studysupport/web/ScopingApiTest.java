package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.support.ProblemAssert.assertProblem;

/** Who sees which requests, and how much of each; reference data. */
class ScopingApiTest extends PostgresApiTest {

    private static final String EMAIL = "kari@example.org";

    private JsonNode list(String user, String query) {
        return ok(as(user).get("/api/requests?size=200&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void investigatorsListAndSeeOnlyTheirOwnRequests() {
        String token = unique("Scope investigators");
        String mine = submitAs("investigator1", token + " one", "MONITORING");
        String theirs = submitAs("investigator2", token + " two", "MONITORING");

        JsonNode first = list("investigator1", token);
        assertThat(ids(first)).containsExactly(mine);
        assertThat(first.path("total").asLong()).isEqualTo(1);
        JsonNode second = list("investigator2", token);
        assertThat(ids(second)).containsExactly(theirs);
        assertThat(second.path("total").asLong()).isEqualTo(1);
        second.path("items").forEach(item ->
                assertThat(item.path("investigatorId").asText()).isEqualTo("investigator2"));

        assertThat(read("investigator1", mine).path("investigatorId").asText()).isEqualTo("investigator1");
        assertProblem(as("investigator1").get(path(theirs)), 404);
        assertProblem(as("investigator2").get(path(mine)), 404);
    }

    @Test
    void coordinatorAuditorAndAdminListAndSeeEveryonesRequests() {
        String token = unique("Scope all readers");
        String one = submitAs("investigator1", token + " one", "MONITORING");
        String two = submitAs("investigator2", token + " two", "MONITORING");

        for (String reader : List.of("coordinator", "auditor", "admin")) {
            JsonNode page = list(reader, token);
            assertThat(ids(page)).as(reader).containsExactlyInAnyOrder(one, two);
            assertThat(page.path("total").asLong()).as(reader).isEqualTo(2);
            assertThat(read(reader, one).path("investigatorId").asText()).isEqualTo("investigator1");
            assertThat(read(reader, two).path("investigatorId").asText()).isEqualTo("investigator2");
        }
    }

    @Test
    void hospitalStaffListAndSeeOnlyRequestsWithAnAssignmentToTheirHospital() {
        String token = unique("Scope hospitals");
        String atOus = accepted(token + " ous", "MONITORING");
        assign(atOus, "MONITORING", "OUS");
        String atHus = accepted(token + " hus", "MONITORING");
        assign(atHus, "MONITORING", "HUS");
        String unassigned = accepted(token + " none", "MONITORING");

        JsonNode ous = list("ous-staff", token);
        assertThat(ids(ous)).containsExactly(atOus);
        assertThat(ous.path("total").asLong()).isEqualTo(1);
        JsonNode hus = list("hus-staff", token);
        assertThat(ids(hus)).containsExactly(atHus);
        assertThat(hus.path("total").asLong()).isEqualTo(1);
        assertThat(ids(list("coordinator", token))).containsExactlyInAnyOrder(atOus, atHus, unassigned);

        assertThat(read("ous-staff", atOus).path("id").asText()).isEqualTo(atOus);
        assertProblem(as("ous-staff").get(path(atHus)), 404);
        assertProblem(as("ous-staff").get(path(unassigned)), 404);
        assertProblem(as("hus-staff").get(path(atOus)), 404);
    }

    @Test
    void hospitalStillSeesARequestAfterDecliningItsAssignment() {
        String id = accepted(unique("Scope after decline"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        ok(as("ous-staff").post(path(id, "assignments", assignmentId, "decline"), Map.of("reason", "Full")));

        assertThat(read("ous-staff", id).path("id").asText()).isEqualTo(id);
    }

    @Test
    void contactIsShownToOwnerCoordinatorAuditorAndAdminButNotToHospitalStaff() {
        Map<String, Object> body = new HashMap<>(Api.submission(unique("Scope contact"), "MONITORING"));
        Api.Answer submitted = as("investigator1").post("/api/requests", body);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().path("contact").path("email").asText()).isEqualTo(EMAIL);
        String id = submitted.text("id");
        ok(as("coordinator").post(path(id, "accept"), Map.of("priority", "HIGH")));
        String assignmentId = assign(id, "MONITORING", "OUS");

        for (String reader : List.of("investigator1", "coordinator", "auditor", "admin")) {
            JsonNode contact = read(reader, id).path("contact");
            assertThat(contact.path("name").asText()).as(reader).isEqualTo("Kari Nordmann");
            assertThat(contact.path("email").asText()).as(reader).isEqualTo(EMAIL);
            assertThat(contact.path("phone").asText()).as(reader).isEqualTo("+47 22 00 00 00");
        }

        JsonNode hospitalView = read("ous-staff", id);
        assertThat(hospitalView.path("contact").isNull() || hospitalView.path("contact").isMissingNode()).isTrue();
        assertThat(hospitalView.toString()).doesNotContain(EMAIL).doesNotContain("Kari Nordmann");

        JsonNode hospitalAnswer = ok(as("ous-staff").post(path(id, "assignments", assignmentId, "acknowledge"),
                Map.of()));
        assertThat(hospitalAnswer.toString()).doesNotContain(EMAIL).doesNotContain("Kari Nordmann");
        assertThat(as("ous-staff").get("/api/requests?q=" + URLEncoder.encode(
                read("coordinator", id).path("title").asText(), StandardCharsets.UTF_8)).body().toString())
                .doesNotContain(EMAIL);
    }

    @Test
    void internalCommentsAreHiddenFromInvestigatorsButShownToCoordinatorsHospitalsAuditorsAndAdmins() {
        String title = unique("Scope comments");
        String id = accepted(title, "MONITORING");
        assign(id, "MONITORING", "OUS");
        ok(as("coordinator").post(path(id, "comments"), Map.of("text", "Budget looks thin", "visibility", "INTERNAL")));
        ok(as("ous-staff").post(path(id, "comments"), Map.of("text", "Short of monitors", "visibility", "INTERNAL")));
        ok(as("coordinator").post(path(id, "comments"), Map.of("text", "Welcome aboard", "visibility", "PUBLIC")));

        JsonNode ownerView = read("investigator1", id);
        assertThat(texts(ownerView)).containsExactly("Welcome aboard");
        assertThat(ownerView.toString()).doesNotContain("Budget looks thin").doesNotContain("Short of monitors");

        JsonNode ownerAnswer = ok(as("investigator1").post(path(id, "comments"),
                Map.of("text", "Thank you", "visibility", "PUBLIC")));
        assertThat(texts(ownerAnswer)).containsExactly("Welcome aboard", "Thank you");
        assertThat(ownerAnswer.toString()).doesNotContain("Budget looks thin");

        JsonNode ownerList = list("investigator1", title);
        assertThat(ownerList.path("total").asLong()).isEqualTo(1);
        assertThat(ownerList.toString()).doesNotContain("Budget looks thin").doesNotContain("Short of monitors");

        for (String reader : List.of("coordinator", "ous-staff", "auditor", "admin")) {
            assertThat(texts(read(reader, id))).as(reader)
                    .containsExactly("Budget looks thin", "Short of monitors", "Welcome aboard", "Thank you");
        }
    }

    private static List<String> texts(JsonNode view) {
        List<String> texts = new ArrayList<>();
        view.path("comments").forEach(comment -> texts.add(comment.path("text").asText()));
        return texts;
    }

    @Test
    void serviceCatalogueListsTheThirteenServiceCodesWithNames() {
        JsonNode services = ok(as("investigator1").get("/api/services"));

        assertThat(services.isArray()).isTrue();
        List<String> codes = new ArrayList<>();
        services.forEach(service -> {
            codes.add(service.path("code").asText());
            assertThat(service.path("name").asText()).as(service.toString()).isNotBlank();
        });
        assertThat(codes).containsExactlyInAnyOrder("METHODOLOGY", "BIOSTATISTICS", "REGULATORY", "DATA_MANAGEMENT",
                "MONITORING", "PHARMACOVIGILANCE", "PROJECT_MANAGEMENT", "STUDY_NURSES", "BIOBANK",
                "HEALTH_ECONOMICS", "PATIENT_INVOLVEMENT", "CONTRACTS_FUNDING", "GCP_TRAINING");
    }

    @Test
    void hospitalListHasTheSixPartnersAndEveryServiceIsOfferedByAtLeastTwo() {
        JsonNode hospitals = ok(as("ous-staff").get("/api/hospitals"));
        JsonNode services = ok(as("ous-staff").get("/api/services"));

        List<String> codes = new ArrayList<>();
        Map<String, Integer> offeredBy = new HashMap<>();
        hospitals.forEach(hospital -> {
            codes.add(hospital.path("code").asText());
            assertThat(hospital.path("name").asText()).isNotBlank();
            assertThat(hospital.path("acceptingRequests").isBoolean()).isTrue();
            hospital.path("services").forEach(s -> offeredBy.merge(s.asText(), 1, Integer::sum));
        });
        assertThat(codes).containsExactlyInAnyOrder("OUS", "AHUS", "HUS", "SUS", "STO", "UNN");
        services.forEach(service -> assertThat(offeredBy.getOrDefault(service.path("code").asText(), 0))
                .as("hospitals offering %s", service.path("code").asText()).isGreaterThanOrEqualTo(2));
        JsonNode sus = findByCode(hospitals, "SUS");
        assertThat(sus.path("services").toString()).doesNotContain("BIOSTATISTICS");
        JsonNode ahus = findByCode(hospitals, "AHUS");
        assertThat(ahus.path("services").toString()).doesNotContain("REGULATORY");
    }

    private static JsonNode findByCode(JsonNode array, String code) {
        for (JsonNode node : array) {
            if (node.path("code").asText().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("no " + code + " in " + array);
    }

    @Test
    void referenceDataNeedsSigningIn() {
        assertProblem(anonymous().get("/api/services"), 401);
        assertProblem(anonymous().get("/api/hospitals"), 401);
    }
}
