package org.studysupport.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.query.request.RequestViewCatchUp;
import org.studysupport.support.Api;
import org.studysupport.support.CatchUpProgress;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.studysupport.support.ProblemAssert.assertProblem;

/**
 * Two application nodes on one PostgreSQL database, both taking requests. Acting on one request
 * from both at once: the node that loses the optimistic-concurrency race sends its command again,
 * so only what the domain refuses is answered 409. The catch-up processor's segments are shared by
 * the nodes, and an event its handler fails on is parked on whichever node holds its segment while
 * both go on.
 */
class ActionsOnTwoNodesTest {

    private static final int CALLS_PER_NODE = 10;
    private static final Duration SHARED = Duration.ofSeconds(60);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final String POISON = "Poison pill on two nodes";

    private static RunningApplication a;
    private static RunningApplication b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            Future<RunningApplication> first = starter.submit(() -> node(database, "node-a"));
            Future<RunningApplication> second = starter.submit(() -> node(database, "node-b"));
            a = first.get();
            b = second.get();
        } finally {
            starter.shutdown();
        }
    }

    /** A node of its own name and data directory (each node is a machine of its own), sharing the installation's master key. */
    private static RunningApplication node(String database, String name) throws IOException {
        return RunningApplication.onPostgres(database, Map.of("study-support.node-id", name,
                "study-support.data-dir", Files.createTempDirectory("study-support-" + name).toString(),
                "study-support.privacy.master-key-file", EmbeddedDatabase.sharedMasterKeyFile(),
                "study-support.cluster.heartbeat-interval", "500ms",
                "axon.eventhandling.processors.request-view-catch-up.token-claim-interval", "500",
                "axon.eventhandling.processors.request-view-catch-up.token-claim-interval-time-unit", "milliseconds"),
                CatchUpPoison.class);
    }

    @AfterAll
    static void stopNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    /** Fails in the catch-up processor on the submission of a study with the poison's title. */
    @ProcessingGroup(RequestViewCatchUp.PROCESSING_GROUP)
    static class CatchUpPoison {
        @EventHandler
        void on(RequestSubmitted event) {
            if (event.study().title().startsWith(POISON)) {
                throw new IllegalStateException("this handler fails on purpose");
            }
        }
    }

    @Test
    void ofTwentyAcceptsFromTwoNodesAtOnceOneWinsAndTheDomainRefusesTheOthers() throws Exception {
        String id = submit(a, "Accepted from two nodes at once");
        String accept = "/api/requests/" + id + "/accept";
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_NODE; i++) {
            String priority = i % 2 == 0 ? "HIGH" : "LOW";
            calls.add(() -> a.as("coordinator").post(accept, Map.of("priority", priority)));
            calls.add(() -> b.as("coordinator").post(accept, Map.of("priority", priority)));
        }

        List<Api.Answer> answers = together(calls);

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        List<Api.Answer> refused = answers.stream().filter(answer -> answer.status() != 200).toList();
        assertThat(refused).hasSize(2 * CALLS_PER_NODE - 1).allSatisfy(answer -> {
            assertProblem(answer, 409);
            assertThat(answer.text("type")).as("refused by the domain, not left to a lost race")
                    .isEqualTo("/problems/state-conflict");
        });
        assertThat(a.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type = ?", Long.class, id, "org.studysupport.api.request.RequestAccepted"))
                .as("one acceptance stored").isEqualTo(1);
        String winner = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow()
                .text("priority");
        assertThat(b.as("coordinator").get("/api/requests/" + id).text("priority")).isEqualTo(winner);
        assertThat(a.as("coordinator").get("/api/requests/" + id).text("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void twentyCommentsFromTwoNodesAtOnceAreAllStored() throws Exception {
        String id = submit(b, "Commented from two nodes at once");
        String comments = "/api/requests/" + id + "/comments";
        double retriesBefore = retries();
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_NODE; i++) {
            String text = "Comment " + i;
            calls.add(() -> a.as("coordinator").post(comments, Map.of("text", text + " via A", "visibility", "PUBLIC")));
            calls.add(() -> b.as("coordinator").post(comments, Map.of("text", text + " via B", "visibility", "PUBLIC")));
        }

        List<Api.Answer> answers = together(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200));
        assertThat(a.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type = ?", Long.class, id, "org.studysupport.api.request.CommentAdded"))
                .isEqualTo(2 * CALLS_PER_NODE);
        assertThat(a.as("coordinator").get("/api/requests/" + id).body().path("comments"))
                .hasSize(2 * CALLS_PER_NODE);
        assertThat(retries()).as("the nodes did race, and the losers were sent again").isGreaterThan(retriesBefore);
    }

    @Test
    void bothNodesHoldSegmentsOfTheCatchUpProcessor() {
        await().atMost(SHARED).untilAsserted(() -> assertThat(a.jdbc().queryForList(
                "select owner from token_entry where processor_name = ? order by owner", String.class,
                RequestViewCatchUp.PROCESSING_GROUP)).containsExactly("node-a", "node-a", "node-b", "node-b"));
    }

    @Test
    void anEventTheHandlerFailsOnIsParkedOnEitherNodeAndBothGoOn() {
        bothNodesHoldSegmentsOfTheCatchUpProcessor();
        List<String> poisoned = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            poisoned.add(submit(i % 2 == 0 ? a : b, POISON + " " + i));
            healthy.add(submit(i % 2 == 0 ? b : a, "Healthy beside the poison " + i));
        }

        String parked = "select count(*) from dead_letter_entry where processing_group = ? and sequence_identifier = ?";
        for (String request : poisoned) {
            await().atMost(CATCH_UP).untilAsserted(() -> assertThat(a.jdbc().queryForObject(parked, Long.class,
                    RequestViewCatchUp.PROCESSING_GROUP, request)).as("parked: %s", request).isPositive());
        }
        List<String> later = List.of(submit(a, "Submitted on A after the poison"), submit(b, "Submitted on B after it"));
        await().atMost(CATCH_UP).until(() -> later.stream().allMatch(request -> CatchUpProgress.passed(a.jdbc(), request)));
        for (String request : healthy) {
            assertThat(a.jdbc().queryForObject(parked, Long.class, RequestViewCatchUp.PROCESSING_GROUP, request)).isZero();
            assertThat(a.as("coordinator").get("/api/requests/" + request).status()).isEqualTo(200);
        }
        assertThat(a.jdbc().queryForList("select distinct owner from token_entry where processor_name = ?",
                String.class, RequestViewCatchUp.PROCESSING_GROUP))
                .as("both nodes still hold their segments").containsExactlyInAnyOrder("node-a", "node-b");
    }

    private static String submit(RunningApplication node, String title) {
        Api.Answer answer = node.as("investigator1").post("/api/requests", Api.submission(title + " " + UUID.randomUUID(),
                "MONITORING"));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        return answer.text("id");
    }

    private static double retries() {
        return a.bean(MeterRegistry.class).counter("study_support.commands.conflict_retries").count()
                + b.bean(MeterRegistry.class).counter("study_support.commands.conflict_retries").count();
    }

    /** Runs the calls at once, each on its own thread, and returns their answers in order. */
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
}
