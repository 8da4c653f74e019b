package org.studysupport.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studysupport.query.request.RequestViewCatchUp;
import org.studysupport.support.Api;
import org.studysupport.support.CatchUpProgress;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.ReadTables;
import org.studysupport.support.RunningApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that dies holding segments of the catch-up processor: its claims stay in the token store,
 * and once the claim timeout has passed the surviving node claims them and goes on from where the
 * dead one stopped. Events it reads a second time (the live path wrote their views already) change
 * no view.
 */
class SegmentTakeoverTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(4);
    /** The heartbeat and the claim interval (half a second each), and room for a busy machine. */
    private static final Duration COORDINATION = Duration.ofSeconds(6);
    private static final String OWNERS = "select owner from token_entry where processor_name = '"
            + RequestViewCatchUp.PROCESSING_GROUP + "' order by owner";

    private RunningApplication a;
    private RunningApplication b;

    @AfterEach
    void stopNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void theSurvivorTakesTheSegmentsOfANodeThatDiedWithinTheClaimTimeoutAndViewsStayRight() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        startBoth(database);
        await().atMost(Duration.ofSeconds(60)).until(() -> a.jdbc().queryForList(OWNERS, String.class)
                .equals(List.of("node-a", "node-a", "node-b", "node-b")));
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            before.add(acceptedRequest(i % 2 == 0 ? a : b, "Before the node died " + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> before.stream()
                .allMatch(request -> CatchUpProgress.passed(a.jdbc(), request)));
        Map<String, Object> beforeAsWritten = ReadTables.views(a.jdbc(), before);

        // node B loses its database and stops: it cannot release its claims
        b.bean(HikariDataSource.class).close();
        Instant died = Instant.now();
        b.close();
        b = null;
        assertThat(a.jdbc().queryForList(OWNERS, String.class)).as("node B's claims are left behind")
                .contains("node-b");

        List<String> meanwhile = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            meanwhile.add(acceptedRequest(a, "While the node was dead " + i));
        }
        Map<String, Object> meanwhileAsWritten = ReadTables.views(a.jdbc(), meanwhile);

        await().atMost(CLAIM_TIMEOUT.plus(COORDINATION)).pollInterval(Duration.ofMillis(100))
                .until(() -> a.jdbc().queryForList(OWNERS, String.class).equals(List.of("node-a", "node-a",
                        "node-a", "node-a")));
        Duration takeover = Duration.between(died, Instant.now());
        assertThat(takeover).as("taken over within the claim timeout and a round of coordination")
                .isLessThanOrEqualTo(CLAIM_TIMEOUT.plus(COORDINATION));

        await().atMost(Duration.ofSeconds(30)).until(() -> meanwhile.stream()
                .allMatch(request -> CatchUpProgress.passed(a.jdbc(), request)));
        assertThat(ReadTables.views(a.jdbc(), meanwhile)).as("read again by the catch-up, unchanged")
                .isEqualTo(meanwhileAsWritten);
        assertThat(ReadTables.views(a.jdbc(), before)).isEqualTo(beforeAsWritten);
        for (String request : meanwhile) {
            Api coordinator = a.as("coordinator");
            assertThat(coordinator.get("/api/requests/" + request).body())
                    .as("the view is the fold of the request's events")
                    .isEqualTo(coordinator.get("/api/requests/" + request + "?asOf=" + Instant.now()).body());
        }
    }

    private void startBoth(String database) throws Exception {
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

    private static RunningApplication node(String database, String name) throws IOException {
        return RunningApplication.onPostgres(database, Map.of("study-support.node-id", name,
                "study-support.data-dir", Files.createTempDirectory("study-support-" + name).toString(),
                "study-support.privacy.master-key-file", EmbeddedDatabase.sharedMasterKeyFile(),
                "axon.eventhandling.tokenstore.claim-timeout", CLAIM_TIMEOUT.toMillis() + "ms",
                "study-support.cluster.heartbeat-interval", "500ms",
                "axon.eventhandling.processors.request-view-catch-up.token-claim-interval", "500",
                "axon.eventhandling.processors.request-view-catch-up.token-claim-interval-time-unit", "milliseconds"));
    }

    /** A request submitted and accepted through the node: its view stands at a later version than the submission's. */
    private static String acceptedRequest(RunningApplication node, String title) {
        Api.Answer submitted = node.as("investigator1").post("/api/requests",
                Api.submission(title + " " + UUID.randomUUID(), "MONITORING"));
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(201);
        String id = submitted.text("id");
        assertThat(node.as("coordinator").post("/api/requests/" + id + "/accept", Map.of("priority", "HIGH")).status())
                .isEqualTo(200);
        return id;
    }
}
