package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.support.ProblemAssert.assertProblem;

/** Simultaneous calls: one wins, the others get 409; references stay unique. */
class ConcurrencyApiTest extends PostgresApiTest {

    private static List<Api.Answer> together(List<Callable<Api.Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (Callable<Api.Answer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofTwoSimultaneousAcceptsOneWinsAndTheOtherIsAConflict() throws Exception {
        String id = submit(unique("Simultaneous accept"), "MONITORING");

        List<Api.Answer> answers = together(List.of(
                () -> as("coordinator").post(path(id, "accept"), Map.of("priority", "HIGH")),
                () -> as("coordinator").post(path(id, "accept"), Map.of("priority", "LOW"))));

        List<Integer> statuses = answers.stream().map(Api.Answer::status).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        Api.Answer loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertProblem(loser, 409);
        Api.Answer winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        JsonNode after = read("coordinator", id);
        // submitted, triage started, then one acceptance and its triage stop
        assertThat(after.path("version").asLong()).isEqualTo(3);
        assertThat(after.path("priority").asText()).isEqualTo(winner.text("priority"));
    }

    @Test
    void ofTwoSimultaneousAssignmentsOfOneServiceOnlyOneIsOpened() throws Exception {
        String id = accepted(unique("Simultaneous assign"), "MONITORING");

        List<Api.Answer> answers = together(List.of(
                () -> as("coordinator").post(path(id, "assignments"), Map.of("service", "MONITORING", "hospital", "OUS")),
                () -> as("coordinator").post(path(id, "assignments"), Map.of("service", "MONITORING", "hospital", "HUS"))));

        assertThat(answers.stream().map(Api.Answer::status).sorted().toList()).containsExactly(200, 409);
        JsonNode after = read("coordinator", id);
        assertThat(after.path("assignments")).hasSize(1);
        assertThat(after.path("assignments").get(0).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void simultaneousSubmissionsGetDistinctReferences() throws Exception {
        String token = unique("Simultaneous submit");
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String user = i % 2 == 0 ? "investigator1" : "investigator2";
            String title = token + " " + i;
            calls.add(() -> as(user).post("/api/requests", Api.submission(title, "MONITORING")));
        }

        List<Api.Answer> answers = together(calls);

        Set<String> references = new HashSet<>();
        for (Api.Answer answer : answers) {
            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
            assertThat(answer.text("reference")).matches("SR-\\d{4}-\\d{5}");
            references.add(answer.text("reference"));
        }
        assertThat(references).hasSize(6);
        assertThat(ok(as("coordinator").get("/api/requests?q=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))
                .path("total").asLong()).isEqualTo(6);
    }
}
