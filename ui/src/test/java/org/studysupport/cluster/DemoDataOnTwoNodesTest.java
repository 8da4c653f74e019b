package org.studysupport.cluster;

import org.junit.jupiter.api.Test;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes starting at once on an empty database, both with demo data on: it is loaded once. */
class DemoDataOnTwoNodesTest {

    private static final int DEMO_REQUESTS = 3;

    @Test
    void twoNodesStartingTogetherOnAnEmptyDatabaseLoadTheDemoDataOnce() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        List<RunningApplication> nodes = new ArrayList<>();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunningApplication>> starting = new ArrayList<>();
            for (String name : List.of("node-a", "node-b")) {
                starting.add(starter.submit(() -> RunningApplication.onPostgres(database, Map.of(
                        "study-support.node-id", name,
                        "study-support.data-dir", Files.createTempDirectory("study-support-" + name).toString(),
                        "study-support.privacy.master-key-file", EmbeddedDatabase.sharedMasterKeyFile(),
                        "study-support.demo-data.enabled", "true"))));
            }
            for (Future<RunningApplication> node : starting) {
                nodes.add(node.get());
            }

            RunningApplication a = nodes.get(0);
            assertThat(a.jdbc().queryForObject("select count(*) from domain_event_entry where payload_type = ?",
                    Long.class, "org.studysupport.api.request.RequestSubmitted")).isEqualTo(DEMO_REQUESTS);
            assertThat(a.jdbc().queryForObject("select count(*) from request_view", Long.class)).isEqualTo(DEMO_REQUESTS);
            assertThat(nodes.get(1).as("coordinator").get("/api/requests?size=50").body().path("total").asLong())
                    .isEqualTo(DEMO_REQUESTS);
        } finally {
            starter.shutdown();
            nodes.forEach(RunningApplication::close);
        }
    }
}
