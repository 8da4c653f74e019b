package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.PostgresApiTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/requests}: filters, free text and paging, on this test's own requests only. */
class ListingApiTest extends PostgresApiTest {

    private JsonNode list(String user, String token, String parameters) {
        return ok(as(user).get("/api/requests?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (parameters.isEmpty() ? "" : "&" + parameters)));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void statusFilterFindsOnlyRequestsInThatStatus() {
        String token = unique("List status");
        String submittedOne = submit(token + " a", "MONITORING");
        String submittedTwo = submit(token + " b", "MONITORING");
        String acceptedOne = accepted(token + " c", "MONITORING");
        String inProgress = accepted(token + " d", "MONITORING");
        assign(inProgress, "MONITORING", "OUS");
        String rejected = submit(token + " e", "MONITORING");
        ok(as("coordinator").post(path(rejected, "reject"), Map.of("reason", "Out of scope")));

        assertThat(list("coordinator", token, "").path("total").asLong()).isEqualTo(5);
        JsonNode submitted = list("coordinator", token, "status=SUBMITTED");
        assertThat(ids(submitted)).containsExactlyInAnyOrder(submittedOne, submittedTwo);
        assertThat(submitted.path("total").asLong()).isEqualTo(2);
        submitted.path("items").forEach(item -> assertThat(item.path("status").asText()).isEqualTo("SUBMITTED"));
        assertThat(ids(list("coordinator", token, "status=ACCEPTED"))).containsExactly(acceptedOne);
        assertThat(ids(list("coordinator", token, "status=IN_PROGRESS"))).containsExactly(inProgress);
        assertThat(ids(list("coordinator", token, "status=REJECTED"))).containsExactly(rejected);
        JsonNode completed = list("coordinator", token, "status=COMPLETED");
        assertThat(completed.path("items")).isEmpty();
        assertThat(completed.path("total").asLong()).isZero();

        assertThat(ids(list("investigator1", token, "status=SUBMITTED")))
                .containsExactlyInAnyOrder(submittedOne, submittedTwo);
        assertThat(list("investigator2", token, "status=SUBMITTED").path("total").asLong()).isZero();
    }

    @Test
    void pagesSplitTheMatchesWithoutOverlapAndReportTheTotal() {
        String token = unique("List paging");
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit(token + " " + i, "MONITORING"));
        }

        Set<String> seen = new HashSet<>();
        int[] expectedSizes = {2, 2, 1, 0};
        for (int page = 0; page < expectedSizes.length; page++) {
            JsonNode answer = list("coordinator", token, "size=2&page=" + page);
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("size").asInt()).isEqualTo(2);
            assertThat(answer.path("total").asLong()).isEqualTo(5);
            assertThat(answer.path("items")).as("items on page %d", page).hasSize(expectedSizes[page]);
            for (String id : ids(answer)) {
                assertThat(seen.add(id)).as("%s seen on an earlier page", id).isTrue();
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(submitted);
    }

    @Test
    void defaultPageIsTheFirstWithTwentyItemsAtMost() {
        String token = unique("List defaults");
        submit(token, "MONITORING");

        JsonNode answer = list("coordinator", token, "");

        assertThat(answer.path("page").asInt()).isZero();
        assertThat(answer.path("size").asInt()).isEqualTo(20);
        assertThat(answer.path("total").asLong()).isEqualTo(1);
        JsonNode item = answer.path("items").get(0);
        assertThat(item.path("title").asText()).isEqualTo(token);
        assertThat(item.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(item.path("reference").asText()).matches("SR-\\d{4}-\\d{5}");
        assertThat(item.path("investigatorId").asText()).isEqualTo("investigator1");
        assertThat(item.path("services").get(0).asText()).isEqualTo("MONITORING");
        assertThat(item.path("submittedAt").asText()).isNotBlank();
    }

    @Test
    void sortBySubmissionFollowsSubmissionOrderAndReferencesGrowWithIt() {
        String token = unique("List sort");
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(submit(token + " " + i, "MONITORING"));
        }

        JsonNode ascending = list("coordinator", token, "sort=submittedAt,asc");
        assertThat(ids(ascending)).containsExactlyElementsOf(submitted);
        List<String> references = new ArrayList<>();
        ascending.path("items").forEach(item -> references.add(item.path("reference").asText()));
        assertThat(references).isSorted().doesNotHaveDuplicates();

        List<String> reversed = new ArrayList<>(submitted);
        java.util.Collections.reverse(reversed);
        assertThat(ids(list("coordinator", token, "sort=submittedAt,desc"))).containsExactlyElementsOf(reversed);
    }

    @Test
    void freeTextFindsARequestByItsReference() {
        String id = submit(unique("List by reference"), "MONITORING");
        String reference = read("coordinator", id).path("reference").asText();

        JsonNode answer = ok(as("coordinator").get("/api/requests?q=" + reference));

        assertThat(ids(answer)).containsExactly(id);
    }

    @Test
    void serviceHospitalAndPriorityFiltersNarrowTheMatches() {
        String token = unique("List filters");
        String monitoringAtOus = accepted(token + " m", "MONITORING");
        assign(monitoringAtOus, "MONITORING", "OUS");
        String statistics = submit(token + " s", "BIOSTATISTICS");
        String urgent = submit(token + " u", "DATA_MANAGEMENT");
        ok(as("coordinator").post(path(urgent, "accept"), Map.of("priority", "URGENT")));

        assertThat(ids(list("coordinator", token, "service=BIOSTATISTICS"))).containsExactly(statistics);
        assertThat(ids(list("coordinator", token, "hospital=OUS"))).containsExactly(monitoringAtOus);
        assertThat(ids(list("coordinator", token, "priority=URGENT"))).containsExactly(urgent);
        assertThat(ids(list("coordinator", token, "priority=NORMAL&status=IN_PROGRESS")))
                .containsExactly(monitoringAtOus);
    }

    @Test
    void freeTextIgnoresCaseAndFindsAcronyms() {
        String token = unique("List Case");
        String acronym = "ACR-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(org.studysupport.support.Api.submission(token, "MONITORING"));
        body.put("acronym", acronym);
        String id = ok201(as("investigator1").post("/api/requests", body));

        assertThat(ids(list("coordinator", token.toUpperCase(java.util.Locale.ROOT), ""))).containsExactly(id);
        assertThat(ids(list("coordinator", acronym.toLowerCase(java.util.Locale.ROOT), ""))).containsExactly(id);
    }

    @Test
    void submittedFromAndToBoundTheSubmissionTime() {
        String token = unique("List period");
        String id = submit(token, "MONITORING");
        java.time.Instant submittedAt = java.time.Instant.parse(read("coordinator", id).path("submittedAt").asText());
        String before = submittedAt.minusSeconds(60).toString();
        String after = submittedAt.plusSeconds(60).toString();

        assertThat(ids(list("coordinator", token, "submittedFrom=" + before + "&submittedTo=" + after)))
                .containsExactly(id);
        assertThat(list("coordinator", token, "submittedFrom=" + after).path("total").asLong()).isZero();
        assertThat(list("coordinator", token, "submittedTo=" + before).path("total").asLong()).isZero();
    }

    private static String ok201(org.studysupport.support.Api.Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        return answer.text("id");
    }
}
