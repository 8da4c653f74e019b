package org.studysupport.cluster;

import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.EventStream;
import org.studysupport.support.EventStream.Event;
import org.studysupport.support.RunningApplication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream's ids mean the same on every node: both nodes number the changes in one commit order
 * in the shared database, so a client that reconnects to the other node with its Last-Event-ID
 * gets exactly what it missed, whichever node made the changes.
 */
class StreamAcrossNodesTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    @Test
    void clientResumesOnTheOtherNodeWithTheSameIdsAndMissesNothing() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        try (RunningApplication a = RunningApplication.onPostgres(database, Map.of("study-support.node-id", "node-a"));
             RunningApplication b = RunningApplication.onPostgres(database, Map.of("study-support.node-id", "node-b"))) {
            String id = submit(a, "Across nodes " + UUID.randomUUID());
            String marker = submit(a, "Marker " + UUID.randomUUID());
            Event lastOnA;
            try (EventStream onA = EventStream.open(a.port(), "coordinator");
                 EventStream onB = EventStream.open(b.port(), "coordinator")) {
                Predicate<Event> probe = event -> event.requestId().equals(id) && event.eventType().equals("CommentAdded");
                onA.sync(() -> comment(b, id, "probe"), probe);
                onB.sync(() -> comment(a, id, "probe"), probe);
                Api.Answer accepted = b.as("coordinator").post("/api/requests/" + marker + "/accept",
                        Map.of("priority", "LOW"));
                assertThat(accepted.status()).isEqualTo(200);
                // the acceptance's last change: its service-level clock stops
                Predicate<Event> clockStopped = event -> event.requestId().equals(marker)
                        && event.eventType().equals("SlaClockStopped");
                lastOnA = onA.expect(clockStopped, FEW_SECONDS, "node B's change on node A");
                Event sameOnB = onB.expect(clockStopped, FEW_SECONDS, "the same change on node B");
                assertThat(sameOnB.id()).isEqualTo(lastOnA.id());
                assertThat(sameOnB.data()).isEqualTo(lastOnA.data());
            }

            // Away from node A, while both nodes take changes at once ...
            List<String> requests = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<String>> submissions = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                RunningApplication node = n % 2 == 0 ? a : b;
                String title = "Away " + n;
                submissions.add(clients.submit(() -> submit(node, title)));
            }
            for (Future<String> submission : submissions) {
                requests.add(submission.get());
            }
            clients.shutdown();

            // ... then back, on node B, with the id node A gave.
            try (EventStream resumed = EventStream.open(b.port(), "coordinator", lastOnA.id())) {
                resumed.expect(event -> requests.stream().allMatch(r -> resumed.eventsAbout(r).size() >= 2),
                        FEW_SECONDS, "both changes of every submission");
                List<Long> ids = resumed.events().stream().map(event -> Long.parseLong(event.id())).toList();
                assertThat(ids).isSorted().doesNotHaveDuplicates()
                        .allSatisfy(position -> assertThat(position).isGreaterThan(lastOnA.position()));
                for (String request : requests) {
                    assertThat(resumed.eventsAbout(request)).extracting(Event::eventType)
                            .containsExactly("RequestSubmitted", "SlaClockStarted");
                }
                assertThat(ids).as("nothing else happened").hasSize(2 * requests.size());
            }
        }
    }

    private static String submit(RunningApplication node, String title) {
        Api.Answer answer = node.as("investigator1").post("/api/requests", Api.submission(title, "MONITORING"));
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private static void comment(RunningApplication node, String id, String text) {
        Api.Answer answer = node.as("coordinator").post("/api/requests/" + id + "/comments",
                Map.of("text", text, "visibility", "PUBLIC"));
        assertThat(answer.status()).isEqualTo(200);
    }
}
