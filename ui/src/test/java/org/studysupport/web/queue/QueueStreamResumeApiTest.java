package org.studysupport.web.queue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.EventStream;
import org.studysupport.support.EventStream.Event;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resuming a stream when changes commit out of position order: the event id names a place in the
 * commit order, so the changes after it are exactly those the client has not seen.
 */
class QueueStreamResumeApiTest extends PostgresApiTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
    /** A version no real event of the request reaches: the row below stands for a late transaction's change. */
    private static final long LATE_VERSION = 1_000_000;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private Workflow flow() {
        return new Workflow(port);
    }

    private static Predicate<Event> about(String requestId, String eventType) {
        return event -> event.requestId().equals(requestId) && event.eventType().equals(eventType);
    }

    @Test
    void changeWhoseTransactionCommitsAfterALaterOneStillReachesAClientThatResumedInBetween() throws Exception {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Late commit " + UUID.randomUUID(), "MONITORING").path("id").asText();
        try (EventStream live = EventStream.open(port, "coordinator");
             Connection lateTransaction = dataSource.getConnection()) {
            live.sync(() -> flow.comment("coordinator", id, "probe", "PUBLIC"), about(id, "CommentAdded"));

            // A projection's transaction takes a position and has not committed yet ...
            lateTransaction.setAutoCommit(false);
            long earlierPosition = insertChange(lateTransaction, id);
            // ... while a later one commits and is delivered.
            flow.accept(id, "HIGH");
            Event accepted = live.expect(about(id, "RequestAccepted"), FEW_SECONDS, "for the acceptance");
            assertThat(jdbc.queryForObject("select max(position) from queue_change where request_id = ?", Long.class,
                    UUID.fromString(id))).as("the acceptance took a later position").isGreaterThan(earlierPosition);

            try (EventStream resumedInBetween = EventStream.open(port, "coordinator", accepted.id())) {
                assertThat(resumedInBetween.awaitComment(FEW_SECONDS)).isEqualTo("connected");
                lateTransaction.commit();

                Event late = resumedInBetween.expect(about(id, "AssignmentAcknowledged"), FEW_SECONDS,
                        "for the change that committed after the client resumed");
                assertThat(Long.parseLong(late.id())).isGreaterThan(Long.parseLong(accepted.id()));
                assertThat(live.expect(about(id, "AssignmentAcknowledged"), FEW_SECONDS, "live").id())
                        .isEqualTo(late.id());
            }
            try (EventStream resumedAfter = EventStream.open(port, "coordinator", accepted.id())) {
                resumedAfter.expect(about(id, "AssignmentAcknowledged"), FEW_SECONDS,
                        "replayed to a client that resumes from the acceptance");
                assertThat(resumedAfter.eventsAbout(id).stream().map(Event::eventType))
                        .as("nothing before its id again").doesNotContain("RequestAccepted");
            }
            List<Long> ids = live.events().stream().map(event -> Long.parseLong(event.id())).toList();
            assertThat(ids).as("ids grow in the order the stream sends them").isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void clientThatResumesRepeatedlyUnderConcurrentSubmissionsReceivesEveryChangeExactlyOnce() throws Exception {
        Workflow flow = flow();
        String probe = flow.submit("investigator1", "Resume probe " + UUID.randomUUID(), "MONITORING").path("id").asText();
        String lastId;
        try (EventStream first = EventStream.open(port, "coordinator")) {
            lastId = first.sync(() -> flow.comment("coordinator", probe, "probe", "PUBLIC"),
                    about(probe, "CommentAdded")).id();
        }

        Set<String> submitted = ConcurrentHashMap.newKeySet();
        int submitters = 8;
        int submissionsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            int submitter = s;
            work.add(pool.submit(() -> {
                for (int n = 0; n < submissionsEach; n++) {
                    submitted.add(flow.submit("investigator" + (1 + submitter % 2),
                            "Concurrent " + submitter + "-" + n, "MONITORING").path("id").asText());
                }
            }));
        }
        pool.shutdown();

        List<Event> received = new ArrayList<>();
        int connections = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && !(pool.isTerminated() && receivedEverything(received, submitted))) {
            try (EventStream stream = EventStream.open(port, "coordinator", lastId)) {
                connections++;
                int wanted = 1 + connections % 7;
                stream.await(event -> stream.events().size() >= wanted, Duration.ofMillis(700));
                List<Event> events = stream.events();
                received.addAll(events);
                if (!events.isEmpty()) {
                    lastId = events.get(events.size() - 1).id();
                }
            }
        }
        for (Future<?> submissions : work) {
            submissions.get();
        }

        List<Long> ids = received.stream().map(event -> Long.parseLong(event.id())).toList();
        assertThat(ids).as("in stream order across %d connections, none twice", connections)
                .isSorted().doesNotHaveDuplicates();
        assertThat(submitted).hasSize(submitters * submissionsEach);
        assertThat(positionsReceivedAbout(received, submitted)).as("every change of every submission")
                .containsExactlyInAnyOrderElementsOf(storedPositionsOf(submitted));
        assertThat(connections).isGreaterThan(10);
    }

    @Test
    void idBeyondTheNewestChangeStandsForTheNewest() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Future id " + UUID.randomUUID(), "MONITORING").path("id").asText();
        try (EventStream stream = EventStream.open(port, "coordinator", Long.toString(Long.MAX_VALUE))) {
            Event comment = stream.sync(() -> flow.comment("coordinator", id, "after a future id", "PUBLIC"),
                    about(id, "CommentAdded"));
            assertThat(Long.parseLong(comment.id())).isLessThan(Long.MAX_VALUE);
        }
    }

    private boolean receivedEverything(List<Event> received, Set<String> requests) {
        return positionsReceivedAbout(received, requests).size() == storedPositionsOf(requests).size();
    }

    private static List<Long> positionsReceivedAbout(List<Event> received, Set<String> requests) {
        return received.stream().filter(event -> requests.contains(event.requestId())).map(Event::position).toList();
    }

    private List<Long> storedPositionsOf(Set<String> requests) {
        List<Long> positions = new ArrayList<>();
        for (String request : requests) {
            positions.addAll(jdbc.queryForList("select commit_sequence from queue_change where request_id = ?",
                    Long.class, UUID.fromString(request)));
        }
        return positions;
    }

    /** Inserts a change of the request as a projection would, in the given open transaction; returns its position. */
    private static long insertChange(Connection connection, String requestId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into queue_change (request_id, version,"
                        + " reference, status, event_type, investigator_id, hospitals, in_triage, internal_only,"
                        + " occurred_at) values (?, ?, 'SR-LATE', 'IN_PROGRESS', 'AssignmentAcknowledged',"
                        + " 'investigator1', ',OUS,', false, false, ?)",
                new String[] {"position"})) {
            insert.setObject(1, UUID.fromString(requestId));
            insert.setLong(2, LATE_VERSION);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
