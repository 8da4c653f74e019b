package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.support.ProblemAssert.assertInvalidField;
import static org.studysupport.support.ProblemAssert.assertProblem;

/** 400 for bad input, 401 without valid credentials, 413 for big bodies, 415 for non-JSON; nothing changes. */
class ValidationApiTest extends PostgresApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Map<String, Object> body(String title) {
        return new HashMap<>(Api.submission(title, "MONITORING", "DATA_MANAGEMENT"));
    }

    private Api.Answer submitBody(Map<String, Object> body) {
        return as("investigator1").post("/api/requests", body);
    }

    /** Nothing was stored under the title: the coordinator's list does not find it. */
    private void assertNothingSubmitted(String title) {
        JsonNode page = ok(as("coordinator").get("/api/requests?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)));
        assertThat(page.path("total").asLong()).as("requests titled %s", title).isZero();
    }

    @Test
    void eachMissingRequiredSubmissionFieldIsNamed() {
        for (String field : List.of("title", "studyPhase", "fundingStatus", "services", "description", "contact")) {
            String title = unique("Missing " + field);
            Map<String, Object> body = body(title);
            body.remove(field);

            assertInvalidField(submitBody(body), field);
            if (!field.equals("title")) {
                assertNothingSubmitted(title);
            }
        }
    }

    @Test
    void missingContactNameOrEmailIsNamed() {
        Map<String, Object> noName = body(unique("No contact name"));
        noName.put("contact", Map.of("email", "kari@example.org"));
        assertInvalidField(submitBody(noName), "contact.name");

        Map<String, Object> noEmail = body(unique("No contact email"));
        noEmail.put("contact", Map.of("name", "Kari Nordmann"));
        assertInvalidField(submitBody(noEmail), "contact.email");
    }

    @Test
    void blankTitleOrDescriptionIsRefused() {
        Map<String, Object> blankTitle = body("   ");
        assertInvalidField(submitBody(blankTitle), "title");

        String title = unique("Blank description");
        Map<String, Object> blankDescription = body(title);
        blankDescription.put("description", "");
        assertInvalidField(submitBody(blankDescription), "description");
        assertNothingSubmitted(title);
    }

    @Test
    void titleOfThreeHundredCharactersIsAcceptedButOneMoreIsRefused() {
        String prefix = unique("Long title");
        String exactly300 = prefix + "x".repeat(300 - prefix.length());
        Api.Answer accepted = submitBody(body(exactly300));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.text("title")).hasSize(300);

        String over = unique("Too long title");
        assertInvalidField(submitBody(body(over + "y".repeat(301 - over.length()))), "title");
        assertNothingSubmitted(over);
    }

    @Test
    void unknownEnumValuesAreNamed() {
        String phaseTitle = unique("Phase 9");
        Map<String, Object> phase = body(phaseTitle);
        phase.put("studyPhase", "PHASE_9");
        JsonNode problem = assertInvalidField(submitBody(phase), "studyPhase");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("PHASE_9");
        assertNothingSubmitted(phaseTitle);

        Map<String, Object> funding = body(unique("Funding maybe"));
        funding.put("fundingStatus", "MAYBE");
        assertInvalidField(submitBody(funding), "fundingStatus");

        String serviceTitle = unique("Service FOO");
        Map<String, Object> service = body(serviceTitle);
        service.put("services", List.of("MONITORING", "FOO"));
        assertInvalidField(submitBody(service), "services");
        assertNothingSubmitted(serviceTitle);

        Map<String, Object> lowerCase = body(unique("Lower case phase"));
        lowerCase.put("studyPhase", "phase_3");
        assertInvalidField(submitBody(lowerCase), "studyPhase");
    }

    @Test
    void duplicateOrNoServicesAreRefused() {
        String duplicateTitle = unique("Duplicate services");
        Map<String, Object> duplicate = body(duplicateTitle);
        duplicate.put("services", List.of("MONITORING", "MONITORING"));
        assertInvalidField(submitBody(duplicate), "services");
        assertNothingSubmitted(duplicateTitle);

        Map<String, Object> none = body(unique("No services"));
        none.put("services", List.of());
        assertInvalidField(submitBody(none), "services");
    }

    @Test
    void badEmailIsRefused() {
        String title = unique("Bad email");
        Map<String, Object> body = body(title);
        body.put("contact", Map.of("name", "Kari Nordmann", "email", "not-an-email"));

        assertInvalidField(submitBody(body), "contact.email");
        assertNothingSubmitted(title);
    }

    @Test
    void invalidCountryCodesAreRefused() {
        for (List<String> countries : List.of(List.of("NO", "XX"), List.of("Norway"), List.of("no"))) {
            String title = unique("Bad country");
            Map<String, Object> body = body(title);
            body.put("countries", countries);

            assertInvalidField(submitBody(body), "countries");
            assertNothingSubmitted(title);
        }
    }

    @Test
    void badOptionalSubmissionFieldsAreNamed() {
        Map<String, Object> date = body(unique("Bad date"));
        date.put("plannedStartDate", "2027-13-01");
        assertInvalidField(submitBody(date), "plannedStartDate");

        Map<String, Object> noSites = body(unique("Zero sites"));
        noSites.put("plannedSites", 0);
        assertInvalidField(submitBody(noSites), "plannedSites");

        Map<String, Object> wordSites = body(unique("Word sites"));
        wordSites.put("plannedSites", "eight");
        assertInvalidField(submitBody(wordSites), "plannedSites");

        Map<String, Object> acronym = body(unique("Long acronym"));
        acronym.put("acronym", "A".repeat(51));
        assertInvalidField(submitBody(acronym), "acronym");

        Map<String, Object> phone = body(unique("Bad phone"));
        phone.put("contact", Map.of("name", "Kari Nordmann", "email", "kari@example.org", "phone", "call me"));
        assertInvalidField(submitBody(phone), "contact.phone");

        Map<String, Object> description = body(unique("Long description"));
        description.put("description", "d".repeat(20001));
        assertInvalidField(submitBody(description), "description");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(as("investigator1").postRaw("/api/requests", "{\"title\": \"Broken", MediaType.APPLICATION_JSON),
                400);
        assertProblem(as("investigator1").postRaw("/api/requests", "", MediaType.APPLICATION_JSON), 400);

        String id = submit(unique("Malformed action"), "MONITORING");
        JsonNode before = read("coordinator", id);
        assertRefused(as("coordinator").postRaw(path(id, "accept"), "{priority: HIGH", MediaType.APPLICATION_JSON),
                400, id, before);
        assertRefused(as("coordinator").postRaw(path(id, "reject"), "[]", MediaType.APPLICATION_JSON),
                400, id, before);
    }

    @Test
    void reasonIsRequiredAndLimitedToTwoThousandCharacters() {
        String id = submit(unique("Reason limits"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertInvalidField(as("coordinator").post(path(id, "reject"), Map.of()), "reason");
        assertInvalidField(as("coordinator").post(path(id, "reject"), Map.of("reason", " ")), "reason");
        assertInvalidField(as("coordinator").post(path(id, "reject"), Map.of("reason", "r".repeat(2001))), "reason");
        assertInvalidField(as("investigator1").post(path(id, "withdraw"), Map.of()), "reason");
        assertInvalidField(as("investigator1").post(path(id, "withdraw"), Map.of("reason", "r".repeat(2001))),
                "reason");
        assertRefused(as("coordinator").post(path(id, "reject"), Map.of()), 400, id, before);

        JsonNode rejected = ok(as("coordinator").post(path(id, "reject"), Map.of("reason", "r".repeat(2000))));
        assertThat(rejected.path("rejectionReason").asText()).hasSize(2000);
    }

    @Test
    void assignmentReasonsAreRequiredForDeclineCancelAndReassign() {
        String id = accepted(unique("Assignment reasons"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        JsonNode before = read("coordinator", id);
        String assignment = "assignments/" + assignmentId;

        assertInvalidField(as("ous-staff").post(path(id, assignment, "decline"), Map.of()), "reason");
        assertInvalidField(as("coordinator").post(path(id, assignment, "cancel"), Map.of("reason", "r".repeat(2001))),
                "reason");
        assertInvalidField(as("coordinator").post(path(id, assignment, "reassign"), Map.of("hospital", "HUS")),
                "reason");
        assertInvalidField(as("coordinator").post(path(id, assignment, "reassign"), Map.of("reason", "Elsewhere")),
                "hospital");
        assertInvalidField(as("coordinator").post(path(id, assignment, "reassign"),
                Map.of("hospital", "XYZ", "reason", "Elsewhere")), "hospital");
        assertRefused(as("ous-staff").post(path(id, assignment, "decline"), Map.of()), 400, id, before);
    }

    @Test
    void actionBodiesNameTheirMissingOrInvalidFields() {
        String id = accepted(unique("Action bodies"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertInvalidField(as("coordinator").post(path(id, "clarifications"), Map.of()), "question");
        assertInvalidField(as("coordinator").post(path(id, "clarifications"), Map.of("question", "q".repeat(2001))),
                "question");
        assertInvalidField(as("coordinator").post(path(id, "comments"),
                Map.of("text", "t".repeat(10001), "visibility", "PUBLIC")), "text");
        assertInvalidField(as("coordinator").post(path(id, "assignments"), Map.of("hospital", "OUS")), "service");
        assertInvalidField(as("coordinator").post(path(id, "assignments"),
                Map.of("service", "FOO", "hospital", "OUS")), "service");
        assertInvalidField(as("coordinator").post(path(id, "assignments"), Map.of("service", "MONITORING")),
                "hospital");
        assertInvalidField(as("coordinator").post(path(id, "assignments"),
                Map.of("service", "MONITORING", "hospital", "XYZ")), "hospital");
        assertInvalidField(as("coordinator").post(path(id, "complete"), Map.of()), "outcome");
        assertInvalidField(as("coordinator").post(path(id, "comments"), Map.of("text", "Hi")), "visibility");
        assertInvalidField(as("coordinator").post(path(id, "comments"),
                Map.of("text", "Hi", "visibility", "SECRET")), "visibility");
        assertInvalidField(as("coordinator").post(path(id, "comments"), Map.of("visibility", "PUBLIC")), "text");
        assertRefused(as("coordinator").post(path(id, "assignments"),
                Map.of("service", "MONITORING", "hospital", "XYZ")), 400, id, before);
    }

    @Test
    void acceptNeedsAKnownPriority() {
        String id = submit(unique("Accept priority"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertInvalidField(as("coordinator").post(path(id, "accept"), Map.of()), "priority");
        assertInvalidField(as("coordinator").post(path(id, "accept"), Map.of("priority", "CRITICAL")), "priority");
        assertInvalidField(as("coordinator").post(path(id, "accept"),
                Map.of("priority", "HIGH", "note", "n".repeat(2001))), "note");
        assertRefused(as("coordinator").post(path(id, "accept"), Map.of("priority", "CRITICAL")), 400, id, before);
    }

    @Test
    void listPagingParametersOutOfRangeAreRefused() {
        assertInvalidField(as("coordinator").get("/api/requests?size=0"), "size");
        assertInvalidField(as("coordinator").get("/api/requests?size=201"), "size");
        assertInvalidField(as("coordinator").get("/api/requests?page=-1"), "page");
        assertInvalidField(as("coordinator").get("/api/requests?size=ten"), "size");
        assertThat(ok(as("coordinator").get("/api/requests?size=200")).path("size").asInt()).isEqualTo(200);
        assertThat(ok(as("coordinator").get("/api/requests?size=1")).path("size").asInt()).isEqualTo(1);
    }

    @Test
    void unknownListFilterAndSortValuesAreRefused() {
        assertInvalidField(as("coordinator").get("/api/requests?status=FOO"), "status");
        assertInvalidField(as("coordinator").get("/api/requests?service=FOO"), "service");
        assertInvalidField(as("coordinator").get("/api/requests?priority=CRITICAL"), "priority");
        assertInvalidField(as("coordinator").get("/api/requests?submittedFrom=yesterday"), "submittedFrom");
        assertInvalidField(as("coordinator").get("/api/requests?sort=title"), "sort");
        assertInvalidField(as("coordinator").get("/api/requests?sort=submittedAt,sideways"), "sort");
    }

    @Test
    void bodyOverTheLimitIsTooLargeAndCreatesNothing() {
        String title = unique("Too large");
        Map<String, Object> body = body(title);
        body.put("description", "d".repeat(256 * 1024 + 1));

        assertProblem(submitBody(body), 413);
        assertNothingSubmitted(title);

        String id = submit(unique("Too large comment"), "MONITORING");
        JsonNode before = read("coordinator", id);
        assertRefused(as("coordinator").post(path(id, "comments"),
                Map.of("text", "c".repeat(300 * 1024), "visibility", "PUBLIC")), 413, id, before);
    }

    @Test
    void bodyWithoutDeclaredLengthIsCutOffAtTheLimit() throws Exception {
        String title = unique("Too large chunked");
        Map<String, Object> body = body(title);
        body.put("description", "d".repeat(300 * 1024));
        byte[] bytes = JSON.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("investigator1:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(413);
        assertNothingSubmitted(title);
    }

    @Test
    void bodyOfExactlyTheLimitIsReadAndJudgedOnItsFields() throws Exception {
        Map<String, Object> body = body(unique("Exactly the limit"));
        body.put("description", "");
        int overhead = JSON.writeValueAsBytes(body).length;
        body.put("description", "d".repeat(256 * 1024 - overhead));
        assertThat(JSON.writeValueAsBytes(body)).hasSize(256 * 1024);

        assertInvalidField(submitBody(body), "description");
    }

    @Test
    void nonJsonContentTypeIsUnsupported() {
        String title = unique("Plain text");
        assertProblem(as("investigator1").postRaw("/api/requests", "title=" + title, MediaType.TEXT_PLAIN), 415);
        assertProblem(as("investigator1").postRaw("/api/requests", "<request/>", MediaType.APPLICATION_XML), 415);
        assertNothingSubmitted(title);

        String id = submit(unique("Plain text action"), "MONITORING");
        JsonNode before = read("coordinator", id);
        assertRefused(as("coordinator").postRaw(path(id, "accept"), "priority=HIGH",
                MediaType.APPLICATION_FORM_URLENCODED), 415, id, before);
    }

    @Test
    void answersAreJsonEvenForAClientThatPrefersXml() {
        // the holiday library puts Jackson's XML module on the class path; the API stays JSON
        String id = submit(unique("Browser accept"), "MONITORING");
        Api.Answer answer = as("coordinator").get(path(id), headers -> headers.set(HttpHeaders.ACCEPT,
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON), "JSON");
        assertThat(answer.text("id")).isEqualTo(id);
    }

    @Test
    void callsWithoutCredentialsAreUnauthorized() {
        String id = submit(unique("Anonymous"), "MONITORING");
        JsonNode before = read("coordinator", id);

        Api.Answer list = anonymous().get("/api/requests");
        assertProblem(list, 401);
        assertThat(list.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertProblem(anonymous().get(path(id)), 401);
        assertProblem(anonymous().post("/api/requests", Api.submission(unique("Anonymous submit"), "MONITORING")),
                401);
        assertRefused(anonymous().post(path(id, "accept"), Map.of("priority", "HIGH")), 401, id, before);
    }

    @Test
    void callsWithAWrongPasswordOrUnknownUserAreUnauthorized() {
        String id = submit(unique("Wrong password"), "MONITORING");
        JsonNode before = read("coordinator", id);

        assertProblem(Api.at(port, "coordinator", "wrong").get("/api/requests"), 401);
        assertProblem(Api.at(port, "nobody", "demo").get("/api/requests"), 401);
        assertRefused(Api.at(port, "coordinator", "wrong").post(path(id, "accept"), Map.of("priority", "HIGH")),
                401, id, before);
        String title = unique("Wrong password submit");
        assertProblem(Api.at(port, "investigator1", "Demo").post("/api/requests", Api.submission(title, "MONITORING")),
                401);
        assertNothingSubmitted(title);
    }
}
