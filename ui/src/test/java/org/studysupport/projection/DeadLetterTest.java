package org.studysupport.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.query.request.RequestViewCatchUp;
import org.studysupport.support.Api;
import org.studysupport.support.CatchUpProgress;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.ApiTest;
import org.studysupport.support.ReadTables;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the catch-up processor fails on is parked as a dead letter, with the later events of its
 * request behind it; the processor goes on with the other requests, and a retry after the cause is
 * removed projects the request as the live path would have. Both for a handler that throws and for
 * an SQL error, which on PostgreSQL aborts the whole transaction: then nothing the failed write
 * began stays, and the processor's position still moves past the event.
 *
 * <p>To make the catch-up do the writing, each test stops it, acts through the API (the live path
 * writes the views), removes its requests' rows from the read tables (what a rebuild finds) and
 * starts it again.
 */
@Import(DeadLetterTest.PoisonConfiguration.class)
class DeadLetterTest extends ApiTest {

    private static final String OWN_DATABASE = EmbeddedDatabase.newDatabase();
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    AcceptancePoison poison;

    /** Its own database: another context's processor must not take the segments of this one. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, OWN_DATABASE);
    }

    @TestConfiguration
    static class PoisonConfiguration {
        @Bean
        AcceptancePoison acceptancePoison() {
            return new AcceptancePoison();
        }
    }

    /**
     * Fails on the acceptance of chosen requests, in the catch-up's processing group, before the
     * projection sees the event (it is ordered first).
     */
    @ProcessingGroup(RequestViewCatchUp.PROCESSING_GROUP)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class AcceptancePoison {
        final Set<UUID> requests = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(RequestAccepted event) {
            if (requests.contains(event.requestId())) {
                throw new IllegalStateException("this handler fails on purpose");
            }
        }
    }

    @AfterEach
    void catchUpRunsAgain() {
        catchUp().start();
        jdbc.execute("drop trigger if exists poisoned_service on request_service");
    }

    @Test
    void anEventTheHandlerFailsOnIsParkedWithItsRequestsLaterEventsAndIsProjectedWhenRetried() {
        catchUp().shutDown();
        Workflow flow = new Workflow(port);
        String poisoned = flow.submit("investigator1", unique("Poisoned acceptance"), "MONITORING").path("id").asText();
        flow.accept(poisoned, "HIGH");
        flow.assign(poisoned, "MONITORING", "OUS");
        String healthy = flow.submit("investigator1", unique("Healthy beside it"), "BIOSTATISTICS").path("id").asText();
        flow.accept(healthy, "NORMAL");
        Map<String, Object> healthyAsWritten = ReadTables.views(jdbc, List.of(healthy));
        forget(poisoned, healthy);
        poison.requests.add(UUID.fromString(poisoned));

        catchUp().start();

        await().atMost(CATCH_UP).until(() -> CatchUpProgress.passed(jdbc, poisoned)
                && CatchUpProgress.passed(jdbc, healthy));
        assertThat(ReadTables.views(jdbc, List.of(healthy))).as("the other request goes on").isEqualTo(healthyAsWritten);
        assertThat(jdbc.queryForObject("select version from request_view where id = ?", Long.class,
                UUID.fromString(poisoned))).as("the view stops before the failed event (after the triage clock's start)")
                .isEqualTo(1);
        List<JsonNode> letters = lettersOf(poisoned);
        assertThat(letters).extracting(l -> l.path("eventType").asText())
                .containsExactly("RequestAccepted", "SlaClockStopped", "ServiceAssigned", "SlaClockStarted");
        assertThat(letters).extracting(l -> l.path("eventSequence").asLong()).containsExactly(2L, 3L, 4L, 5L);
        assertThat(letters).extracting(l -> l.path("sequenceIndex").asLong()).isSorted();
        JsonNode first = letters.get(0);
        assertThat(first.path("processingGroup").asText()).isEqualTo(RequestViewCatchUp.PROCESSING_GROUP);
        assertThat(first.path("sequence").asText()).isEqualTo(poisoned);
        assertThat(first.path("requestId").asText()).isEqualTo(poisoned);
        assertThat(first.path("eventId").asText()).isNotBlank();
        assertThat(Instant.parse(first.path("enqueuedAt").asText())).isBefore(Instant.now());
        assertThat(first.path("cause").path("type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(first.path("cause").path("message").asText()).isEqualTo("this handler fails on purpose");
        assertThat(letters.get(1).path("cause").isNull()).as("parked behind the first").isTrue();

        // an event stored while the request is parked goes behind the others
        Api.Answer commented = as("coordinator").post(path(poisoned, "comments"),
                Map.of("text", "Stored while parked", "visibility", "PUBLIC"));
        assertThat(commented.status()).as("stored; its view is behind").isEqualTo(202);
        await().atMost(CATCH_UP).until(() -> lettersOf(poisoned).size() == 5);

        poison.requests.remove(UUID.fromString(poisoned));
        JsonNode last = lettersOf(poisoned).get(4);
        JsonNode retry = ok(as("admin").post("/api/admin/dead-letters/" + last.path("id").asText() + "/retry", Map.of()));

        assertThat(retry.path("id").asText()).isEqualTo(last.path("id").asText());
        assertThat(retry.path("retried").asBoolean()).isTrue();
        assertThat(retry.path("remaining").asLong()).isZero();
        assertThat(lettersOf(poisoned)).isEmpty();
        JsonNode projected = read("coordinator", poisoned);
        assertThat(projected.path("version").asLong()).isEqualTo(6);
        assertThat(projected.path("comments")).hasSize(1);
        assertThat(projected).as("the tables as a fold of the request's events gives it")
                .isEqualTo(ok(as("coordinator").get(path(poisoned) + "?asOf=" + Instant.now())));
    }

    @Test
    void anSqlErrorParksTheEventLeavesNothingHalfWrittenAndTheRetryProjectsItOnceFixed() {
        catchUp().shutDown();
        Workflow flow = new Workflow(port);
        String poisoned = flow.submit("investigator1", unique("Poisoned by SQL"), "MONITORING", "BIOBANK")
                .path("id").asText();
        flow.accept(poisoned, "LOW");
        flow.assign(poisoned, "MONITORING", "OUS");
        String healthy = flow.submit("investigator1", unique("Healthy beside SQL"), "BIOSTATISTICS").path("id").asText();
        flow.accept(healthy, "URGENT");
        Map<String, Object> poisonedAsWritten = ReadTables.views(jdbc, List.of(poisoned));
        Map<String, Object> healthyAsWritten = ReadTables.views(jdbc, List.of(healthy));
        forget(poisoned, healthy);
        // the request's row is written first and its services after it: the second write fails
        jdbc.execute("create or replace function refuse_poisoned_service() returns trigger language plpgsql as $$"
                + " begin raise exception 'service row refused on purpose'; end $$");
        jdbc.execute("create trigger poisoned_service before insert on request_service for each row"
                + " when (new.request_id = '" + poisoned + "') execute function refuse_poisoned_service()");

        catchUp().start();

        await().atMost(CATCH_UP).until(() -> CatchUpProgress.passed(jdbc, poisoned)
                && CatchUpProgress.passed(jdbc, healthy));
        assertThat(ReadTables.views(jdbc, List.of(healthy))).as("the other request goes on")
                .isEqualTo(healthyAsWritten);
        assertThat(ReadTables.views(jdbc, List.of(poisoned)).values()).as("nothing half-written")
                .allSatisfy(rows -> assertThat((List<?>) rows).isEmpty());
        List<JsonNode> letters = lettersOf(poisoned);
        assertThat(letters).extracting(l -> l.path("eventType").asText())
                .containsExactly("RequestSubmitted", "SlaClockStarted", "RequestAccepted", "SlaClockStopped",
                        "ServiceAssigned", "SlaClockStarted");
        assertThat(letters.get(0).path("cause").path("message").asText()).contains("service row refused on purpose");
        String later = submit(unique("Submitted after the SQL error"), "MONITORING");
        await().atMost(CATCH_UP).until(() -> CatchUpProgress.passed(jdbc, later));

        JsonNode failedAgain = ok(as("admin").post(retryPath(letters.get(0)), Map.of()));
        assertThat(failedAgain.path("retried").asBoolean()).isFalse();
        assertThat(failedAgain.path("remaining").asLong()).isEqualTo(6);
        assertThat(failedAgain.path("cause").path("message").asText()).contains("service row refused on purpose");
        assertThat(ReadTables.views(jdbc, List.of(poisoned)).values()).as("still nothing half-written")
                .allSatisfy(rows -> assertThat((List<?>) rows).isEmpty());

        jdbc.execute("drop trigger poisoned_service on request_service");
        JsonNode retried = ok(as("admin").post(retryPath(letters.get(1)), Map.of()));

        assertThat(retried.path("retried").asBoolean()).isTrue();
        assertThat(retried.path("remaining").asLong()).isZero();
        assertThat(lettersOf(poisoned)).isEmpty();
        assertThat(ReadTables.views(jdbc, List.of(poisoned))).isEqualTo(poisonedAsWritten);
    }

    private EventProcessor catchUp() {
        return processing.eventProcessor(RequestViewCatchUp.PROCESSING_GROUP).orElseThrow();
    }

    /** Removes the requests from every read table, as a rebuild that has not reached them finds them. */
    private void forget(String... requests) {
        ReadTables.forget(jdbc, List.of(requests));
    }

    private List<JsonNode> lettersOf(String requestId) {
        return Workflow.allItems(as("admin"), "/api/admin/dead-letters").stream()
                .filter(letter -> letter.path("requestId").asText().equals(requestId))
                .toList();
    }

    private static String retryPath(JsonNode letter) {
        return "/api/admin/dead-letters/" + letter.path("id").asText() + "/retry";
    }
}
