package org.studysupport.web.queue;

import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/requests} with an {@code Idempotency-Key} header. */
class IdempotentSubmissionApiTest extends PostgresApiTest {

    private Api.Answer submit(String user, Map<String, Object> body, String key) {
        return as(user).post("/api/requests", body, headers -> headers.add("Idempotency-Key", key));
    }

    /** How many requests with this (unique) title the coordinator can list. */
    private long requestsTitled(String title) {
        return as("coordinator").get("/api/requests?q=" + title).body().path("total").asLong();
    }

    private static String uniqueTitle() {
        return "idem" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void sameKeyAndSameBodyAnswerTheFirstRequestAgainAndCreateNothingNew() {
        String title = uniqueTitle();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.submission(title, "MONITORING");

        Api.Answer first = submit("investigator1", body, key);
        Api.Answer second = submit("investigator1", body, key);
        Api.Answer third = submit("investigator1", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(third.status()).isEqualTo(201);
        String id = first.text("id");
        assertThat(second.text("id")).isEqualTo(id);
        assertThat(third.text("id")).isEqualTo(id);
        assertThat(second.text("reference")).isEqualTo(first.text("reference"));
        assertThat(second.headers().getLocation()).hasToString("/api/requests/" + id);
        assertThat(second.body().path("version").asLong()).as("submitted, triage clock started").isEqualTo(1);
        assertThat(requestsTitled(title)).isEqualTo(1);
        assertThat(as("investigator1").get("/api/requests?q=" + title).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void repeatedSubmissionAnswersTheRequestAsItStandsNow() {
        String title = uniqueTitle();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.submission(title, "MONITORING");
        String id = submit("investigator1", body, key).text("id");
        new Workflow(port).accept(id, "HIGH");

        Api.Answer again = submit("investigator1", body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(id);
        assertThat(again.text("status")).isEqualTo("ACCEPTED");
        assertThat(requestsTitled(title)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsAConflictAndCreatesNothing() {
        String title = uniqueTitle();
        String otherTitle = uniqueTitle();
        String key = UUID.randomUUID().toString();
        assertThat(submit("investigator1", Api.submission(title, "MONITORING"), key).status()).isEqualTo(201);

        Api.Answer other = submit("investigator1", Api.submission(otherTitle, "MONITORING"), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.headers().getContentType()).hasToString("application/problem+json");
        assertThat(other.body().path("status").asInt()).isEqualTo(409);

        Api.Answer otherServices = submit("investigator1", Api.submission(title, "MONITORING", "BIOBANK"), key);
        assertThat(otherServices.status()).isEqualTo(409);

        assertThat(requestsTitled(title)).isEqualTo(1);
        assertThat(requestsTitled(otherTitle)).isZero();
    }

    @Test
    void differentUsersMayUseTheSameKeyIndependently() {
        String title = uniqueTitle();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.submission(title, "BIOBANK");

        Api.Answer first = submit("investigator1", body, key);
        Api.Answer second = submit("investigator2", body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isNotEqualTo(first.text("id"));
        assertThat(first.text("investigatorId")).isEqualTo("investigator1");
        assertThat(second.text("investigatorId")).isEqualTo("investigator2");

        assertThat(submit("investigator2", body, key).text("id")).isEqualTo(second.text("id"));
        assertThat(submit("investigator1", body, key).text("id")).isEqualTo(first.text("id"));
        // another body conflicts only with the user's own earlier use of the key
        assertThat(submit("investigator2", Api.submission(uniqueTitle(), "BIOBANK"), key).status()).isEqualTo(409);
        assertThat(requestsTitled(title)).isEqualTo(2);
    }

    @Test
    void concurrentSubmissionsWithTheSameKeyCreateOneRequest() throws Exception {
        String title = uniqueTitle();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.submission(title, "MONITORING");
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return submit("investigator1", body, key);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Api.Answer> answer : answers) {
                Api.Answer done = answer.get(60, TimeUnit.SECONDS);
                assertThat(done.status()).as("%s", done.body()).isEqualTo(201);
                ids.add(done.text("id"));
            }
            assertThat(ids).hasSize(1);
            assertThat(requestsTitled(title)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void submissionsWithoutAKeyAreNotDeduplicated() {
        String title = uniqueTitle();
        Map<String, Object> body = Api.submission(title, "MONITORING");
        Api.Answer first = as("investigator1").post("/api/requests", body);
        Api.Answer second = as("investigator1").post("/api/requests", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isNotEqualTo(first.text("id"));
        assertThat(requestsTitled(title)).isEqualTo(2);
    }

    @Test
    void sameContentInOtherLayoutAndFieldOrderCountsAsTheSameBody() throws Exception {
        String title = uniqueTitle();
        String key = UUID.randomUUID().toString();
        String compact = "{\"title\":\"" + title + "\",\"studyPhase\":\"PHASE_2\",\"fundingStatus\":\"NONE\","
                + "\"description\":\"A trial.\",\"services\":[\"MONITORING\"],"
                + "\"contact\":{\"name\":\"Kari Nordmann\",\"email\":\"kari@example.org\"}}";
        String spacedAndReordered = "{\n  \"services\" : [ \"MONITORING\" ],\n  \"contact\" : { \"email\" : "
                + "\"kari@example.org\", \"name\" : \"Kari Nordmann\" },\n  \"description\" : \"A trial.\",\n"
                + "  \"fundingStatus\" : \"NONE\",\n  \"studyPhase\" : \"PHASE_2\",\n  \"title\" : \"" + title + "\"\n}";

        HttpResponse<String> first = rawSubmit(compact, key);
        HttpResponse<String> second = rawSubmit(spacedAndReordered, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(requestsTitled(title)).isEqualTo(1);
    }

    @Test
    void refusedSubmissionDoesNotUseUpTheKey() {
        String title = uniqueTitle();
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = new HashMap<>(Api.submission(title, "MONITORING"));
        invalid.remove("description");

        assertThat(submit("investigator1", invalid, key).status()).isEqualTo(400);
        Api.Answer valid = submit("investigator1", Api.submission(title, "MONITORING"), key);
        assertThat(valid.status()).isEqualTo(201);
        assertThat(submit("investigator1", Api.submission(title, "MONITORING"), key).text("id"))
                .isEqualTo(valid.text("id"));
        assertThat(requestsTitled(title)).isEqualTo(1);
    }

    @Test
    void keyMustBeOneTo255Characters() {
        Map<String, Object> body = Api.submission(uniqueTitle(), "MONITORING");
        assertThat(submit("investigator1", body, " ").status()).isEqualTo(400);
        assertThat(submit("investigator1", body, "k".repeat(256)).status()).isEqualTo(400);
        assertThat(submit("investigator1", body, "k" + UUID.randomUUID() + "x".repeat(218)).status()).isEqualTo(201);
    }

    @Test
    void onlyInvestigatorsSubmitAlsoWithAKey() {
        Api.Answer answer = submit("coordinator", Api.submission(uniqueTitle(), "MONITORING"),
                UUID.randomUUID().toString());
        assertThat(answer.status()).isEqualTo(403);
    }

    private HttpResponse<String> rawSubmit(String json, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("investigator1:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
