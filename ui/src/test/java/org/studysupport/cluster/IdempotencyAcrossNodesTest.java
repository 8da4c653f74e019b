package org.studysupport.cluster;

import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;

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
 * Idempotency keys are kept in the database the nodes share: a retry sent to another node is a
 * repeat, and calls with the same key on two nodes at once store one event.
 */
class IdempotencyAcrossNodesTest {

    private static final Map<String, Object> COMMENT = Map.of("text", "Sent to both nodes", "visibility", "PUBLIC");

    @Test
    void aRetryOnAnotherNodeAndConcurrentCallsOnBothNodesStoreOneComment() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        try (RunningApplication a = RunningApplication.onPostgres(database, Map.of("study-support.node-id", "node-a"));
             RunningApplication b = RunningApplication.onPostgres(database, Map.of("study-support.node-id", "node-b"))) {
            String id = a.as("investigator1").post("/api/requests",
                    Api.submission("Retried across nodes", "MONITORING")).text("id");

            String retried = UUID.randomUUID().toString();
            Api.Answer first = comment(a, id, retried);
            Api.Answer retry = comment(b, id, retried);
            assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
            assertThat(retry.status()).as("%s", retry.body()).isEqualTo(200);
            assertThat(retry.body().path("comments")).isEqualTo(first.body().path("comments"));
            assertThat(comments(a, id)).isEqualTo(1);

            String raced = UUID.randomUUID().toString();
            int perNode = 3;
            ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 2 * perNode; i++) {
                    RunningApplication node = i % 2 == 0 ? a : b;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return comment(node, id, raced);
                    }));
                }
                start.countDown();
                for (Future<Api.Answer> answer : answers) {
                    Api.Answer done = answer.get(60, TimeUnit.SECONDS);
                    assertThat(done.status()).as("%s", done.body()).isEqualTo(200);
                    assertThat(done.body().path("comments")).hasSize(2);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(comments(a, id)).as("one comment per key, whichever node took each call").isEqualTo(2);
        }
    }

    private static Api.Answer comment(RunningApplication node, String id, String key) {
        return node.as("coordinator").post("/api/requests/" + id + "/comments", COMMENT,
                headers -> headers.add("Idempotency-Key", key));
    }

    private static long comments(RunningApplication node, String id) {
        return node.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type = 'org.studysupport.api.request.CommentAdded'", Long.class, id);
    }
}
