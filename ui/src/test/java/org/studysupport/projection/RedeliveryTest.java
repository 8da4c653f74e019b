package org.studysupport.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.studysupport.query.request.RequestViewUpdater;
import org.studysupport.support.CatchUpProgress;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.ReadTables;
import org.studysupport.support.Workflow;

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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request read tables are exactly as after one delivery, whatever the delivery: the same events
 * again, one after the other or by several writers at once, onto the stored views or onto emptied
 * ones (a rebuild beside the live projection). Every event applies once, and the change feed holds
 * one row per request version.
 */
class RedeliveryTest extends PostgresApiTest {

    private static final int WRITERS = 4;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    RequestViewUpdater updater;
    @Autowired
    TransactionTemplate transactions;

    private final List<String> requests = new ArrayList<>();
    private Map<String, Object> projected;

    /** Requests that went through most of what a request can go through, as projected by their commands. */
    @BeforeEach
    void walkRequests() {
        Workflow flow = new Workflow(port);
        String busy = flow.submit("investigator1", unique("Redelivered busy request"), "MONITORING", "BIOSTATISTICS")
                .path("id").asText();
        flow.accept(busy, "HIGH");
        String monitoring = flow.assign(busy, "MONITORING", "OUS");
        String biostatistics = flow.assign(busy, "BIOSTATISTICS", "HUS");
        flow.acknowledge(busy, monitoring, "OUS");
        flow.decline(busy, biostatistics, "HUS");
        String question = flow.ask("coordinator", busy, "Which sites?");
        flow.answer("investigator1", busy, question, "Eight sites in Norway");
        flow.comment("coordinator", busy, "Internal remark", "INTERNAL");
        flow.comment("investigator1", busy, "Public remark", "PUBLIC");
        String reassigned = flow.reassign(busy, monitoring, "HUS");
        flow.acknowledge(busy, reassigned, "HUS");
        flow.completeAssignment(busy, reassigned, "HUS");
        requests.add(busy);

        String rejected = flow.submit("investigator2", unique("Redelivered rejected request"), "REGULATORY")
                .path("id").asText();
        flow.reject(rejected);
        requests.add(rejected);

        String withdrawn = flow.submit("investigator1", unique("Redelivered withdrawn request"), "DATA_MANAGEMENT")
                .path("id").asText();
        flow.accept(withdrawn, "LOW");
        flow.assign(withdrawn, "DATA_MANAGEMENT", "OUS");
        flow.withdraw("investigator1", withdrawn);
        requests.add(withdrawn);

        // the catch-up processor is one more writer; let it pass these requests before the test writes
        await().atMost(Duration.ofSeconds(20)).until(() -> requests.stream()
                .allMatch(id -> CatchUpProgress.passed(jdbc, id)));
        projected = tables();
    }

    @Test
    void theSameEventsDeliveredAgainChangeNothing() throws Exception {
        assertThat(deliverAll(1)).isZero();
        assertThat(tables()).isEqualTo(projected);

        assertThat(deliverAll(WRITERS)).isZero();
        assertThat(tables()).isEqualTo(projected);
    }

    @Test
    void emptiedViewsRebuiltByConcurrentWritersEndExactlyAsProjected() throws Exception {
        forget();

        int applied = deliverAll(WRITERS);

        assertThat(applied).as("each event applied by exactly one writer").isEqualTo(eventCount());
        assertThat(tables()).isEqualTo(projected);
    }

    /**
     * Each writer delivers every event of every request, in order, each event in its own transaction.
     *
     * @return how many deliveries applied their event, over all writers
     */
    private int deliverAll(int writers) throws Exception {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        requests.forEach(id -> eventStore.readEvents(id).asStream().forEach(events::add));
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Integer>> deliveries = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                deliveries.add(() -> {
                    start.await();
                    int applied = 0;
                    for (DomainEventMessage<?> event : events) {
                        if (Boolean.TRUE.equals(transactions.execute(status -> updater.apply(event, true)))) {
                            applied++;
                        }
                    }
                    return applied;
                });
            }
            List<Future<Integer>> results = deliveries.stream().map(pool::submit).toList();
            start.countDown();
            int applied = 0;
            for (Future<Integer> result : results) {
                applied += result.get(60, TimeUnit.SECONDS);
            }
            return applied;
        } finally {
            pool.shutdownNow();
        }
    }

    private int eventCount() {
        return requests.stream().mapToInt(id -> (int) eventStore.readEvents(id).asStream().count()).sum();
    }

    /** Removes the test's requests from every read table, as a rebuild starts from empty tables. */
    private void forget() {
        ReadTables.forget(jdbc, requests);
        requests.forEach(id -> jdbc.update("delete from queue_change where request_id = ?", UUID.fromString(id)));
        assertThat(tables()).isNotEqualTo(projected);
    }

    private Map<String, Object> tables() {
        return ReadTables.viewsAndChanges(jdbc, requests);
    }
}
