package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.command.idempotency.IdempotencyKeyRetention;
import org.studysupport.support.ActionCases;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.ProblemAssert;
import org.studysupport.support.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action with an {@code Idempotency-Key}: a repeat of the same call stores no event and
 * answers again; the key with another body or for another call is 409 and stores nothing.
 */
class IdempotentActionsApiTest extends PostgresApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotencyKeyRetention retention;

    private Api.Answer post(String user, String id, String action, Object body, String key) {
        return as(user).post(path(id, action), body, headers -> headers.add("Idempotency-Key", key));
    }

    private long events(String id) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id);
    }

    private long events(String id, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type = ?", Long.class, id, "org.studysupport.api.request." + type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.studysupport.support.ActionCases#everyAction")
    void aRepeatedActionStoresNothingAndAnswersAgainWhileAnotherUseOfTheKeyIsAConflict(ActionCases.ActionCase action) {
        ActionCases.Prepared call = action.prepare().apply(new Workflow(port));
        String key = UUID.randomUUID().toString();

        Api.Answer first = post(call.user(), call.requestId(), call.action(), call.body(), key);
        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        long stored = events(call.requestId());

        Api.Answer again = post(call.user(), call.requestId(), call.action(), call.body(), key);
        assertThat(again.status()).as("%s", again.body()).isEqualTo(200);
        assertThat(again.body().path("version").asLong()).isEqualTo(first.body().path("version").asLong());
        assertThat(again.body().path("status").asText()).isEqualTo(first.body().path("status").asText());
        assertThat(events(call.requestId())).as("events after the repeat").isEqualTo(stored);

        if (call.otherBody() != null) {
            Api.Answer otherBody = post(call.user(), call.requestId(), call.action(), call.otherBody(), key);
            assertThat(ProblemAssert.assertProblem(otherBody, 409).path("type").asText())
                    .isEqualTo("/problems/state-conflict");
        }
        // for comments themselves, another text
        Api.Answer otherAction = post(call.user(), call.requestId(), "comments",
                Map.of("text", "Another call", "visibility", "PUBLIC"), key);
        ProblemAssert.assertProblem(otherAction, 409);
        assertThat(events(call.requestId())).as("events after the conflicts").isEqualTo(stored);
    }

    @Test
    void aCommentRetriedWithTheSameKeyIsStoredOnce() {
        String id = submit(unique("Retried comment"), "MONITORING");
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("text", "Please add the protocol", "visibility", "PUBLIC");

        JsonNode first = ok(post("coordinator", id, "comments", body, key));
        JsonNode second = ok(post("coordinator", id, "comments", body, key));
        JsonNode third = ok(post("coordinator", id, "comments", body, key));

        assertThat(events(id, "CommentAdded")).isEqualTo(1);
        assertThat(first.path("comments")).hasSize(1);
        assertThat(second.path("comments")).isEqualTo(first.path("comments"));
        assertThat(third.path("comments")).isEqualTo(first.path("comments"));
        assertThat(read("coordinator", id).path("comments")).hasSize(1);

        // without the key, the same body is a new comment
        ok(as("coordinator").post(path(id, "comments"), body));
        assertThat(events(id, "CommentAdded")).isEqualTo(2);
    }

    @Test
    void theKeyWithAnotherBodyIsAConflictAndStoresNothing() {
        String id = submit(unique("Other body"), "MONITORING");
        String key = UUID.randomUUID().toString();
        ok(post("coordinator", id, "comments", Map.of("text", "First", "visibility", "PUBLIC"), key));
        JsonNode before = read("coordinator", id);

        Api.Answer other = post("coordinator", id, "comments", Map.of("text", "Second", "visibility", "PUBLIC"), key);

        assertRefused(other, 409, id, before);
        assertThat(events(id, "CommentAdded")).isEqualTo(1);
    }

    @Test
    void theKeyOnAnotherRequestOrAfterASubmissionIsAConflict() {
        String one = submit(unique("First of two"), "MONITORING");
        String two = submit(unique("Second of two"), "MONITORING");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("text", "Same text", "visibility", "PUBLIC");
        ok(post("coordinator", one, "comments", body, key));

        ProblemAssert.assertProblem(post("coordinator", two, "comments", body, key), 409);
        assertThat(events(two, "CommentAdded")).isZero();

        String submissionKey = UUID.randomUUID().toString();
        Api.Answer submitted = as("investigator1").post("/api/requests",
                Api.submission(unique("Submitted with a key"), "MONITORING"),
                headers -> headers.add("Idempotency-Key", submissionKey));
        assertThat(submitted.status()).isEqualTo(201);
        String three = submitted.text("id");
        ProblemAssert.assertProblem(post("investigator1", three, "withdraw", Map.of("reason", "Changed plans"),
                submissionKey), 409);
        assertThat(read("investigator1", three).path("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void keysBelongToTheirUser() {
        String id = accepted(unique("Keys per user"), "MONITORING");
        String assignment = assign(id, "MONITORING", "OUS");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("text", "Same text, same key", "visibility", "PUBLIC");

        ok(post("coordinator", id, "comments", body, key));
        ok(post("ous-staff", id, "comments", body, key));
        ok(post("investigator1", id, "comments", body, key));
        assertThat(events(id, "CommentAdded")).isEqualTo(3);

        // each user's repeat is a repeat of their own call only
        ok(post("ous-staff", id, "comments", body, key));
        ProblemAssert.assertProblem(post("ous-staff", id, "assignments/" + assignment + "/acknowledge", Map.of(), key),
                409);
        assertThat(events(id, "CommentAdded")).isEqualTo(3);
    }

    @Test
    void concurrentCallsWithTheSameKeyStoreOneEvent() throws Exception {
        String id = submit(unique("Concurrent retries"), "MONITORING");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("text", "Sent twice at once", "visibility", "PUBLIC");
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("coordinator", id, "comments", body, key);
                }));
            }
            start.countDown();
            for (Future<Api.Answer> answer : answers) {
                Api.Answer done = answer.get(60, TimeUnit.SECONDS);
                assertThat(done.status()).as("%s", done.body()).isEqualTo(200);
                assertThat(done.body().path("comments")).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(events(id, "CommentAdded")).isEqualTo(1);
        assertThat(read("coordinator", id).path("comments")).hasSize(1);
    }

    @Test
    void aRefusedActionDoesNotUseUpItsKey() {
        String id = submit(unique("Refused first"), "MONITORING");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("outcome", "Supported");

        // a submitted request cannot be completed
        ProblemAssert.assertProblem(post("coordinator", id, "complete", body, key), 409);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where user_id = ? and key_value = ?",
                Long.class, "coordinator", key)).isZero();

        // the same key on an allowed call works: the refusal stored neither events nor the key
        JsonNode accepted = ok(post("coordinator", id, "accept", Map.of("priority", "HIGH"), key));
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void aBadKeyIsAValidationProblemAndChangesNothing() {
        String id = submit(unique("Bad keys"), "MONITORING");
        JsonNode before = read("coordinator", id);
        Map<String, Object> body = Map.of("text", "With a bad key", "visibility", "PUBLIC");

        for (String bad : List.of("k".repeat(256), "two words", "tab\there")) {
            JsonNode problem = ProblemAssert.assertInvalidField(post("coordinator", id, "comments", body, bad),
                    "Idempotency-Key");
            assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        }
        assertRefused(post("coordinator", id, "comments", body, ""), 400, id, before);

        ok(post("coordinator", id, "comments", body, "k".repeat(255)));
        ok(post("coordinator", id, "comments", body, "01HZX3F6~key.with_punctuation:/+=-" + UUID.randomUUID()));
    }

    @Test
    void keysOlderThanTheRetentionAreForgottenAndTheirRetryIsANewCall() {
        String id = submit(unique("Retention"), "MONITORING");
        String oldKey = UUID.randomUUID().toString();
        String freshKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("text", "Kept a week", "visibility", "PUBLIC");
        Map<String, Object> freshBody = Map.of("text", "Kept a week too", "visibility", "PUBLIC");
        ok(post("coordinator", id, "comments", body, oldKey));
        ok(post("coordinator", id, "comments", freshBody, freshKey));
        // the first key was claimed eight days ago (the retention is seven)
        jdbc.update("update idempotency_key set created_at = created_at - interval '8 days'"
                + " where user_id = ? and key_value = ?", "coordinator", oldKey);

        retention.forgetOldKeys();

        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where user_id = ? and key_value in (?, ?)",
                Long.class, "coordinator", oldKey, freshKey)).isEqualTo(1);
        ok(post("coordinator", id, "comments", freshBody, freshKey));
        assertThat(events(id, "CommentAdded")).isEqualTo(2);
        ok(post("coordinator", id, "comments", body, oldKey));
        assertThat(events(id, "CommentAdded")).as("the forgotten key's retry is a new comment").isEqualTo(3);
    }
}
