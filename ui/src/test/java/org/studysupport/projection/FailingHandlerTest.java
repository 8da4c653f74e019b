package org.studysupport.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.query.request.RequestViewCatchUp;
import org.studysupport.query.request.RequestViewProjection;
import org.studysupport.support.Api;
import org.studysupport.support.CatchUpProgress;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.ApiTest;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a failing projection does. In the streaming catch-up processor, the event is parked as a
 * dead letter and the processor goes on with other requests. In the command's own transaction, the
 * failure fails the command: nothing is stored, not the event and not a half-written view.
 */
@Import(FailingHandlerTest.PoisonConfiguration.class)
class FailingHandlerTest extends ApiTest {

    static final String CATCH_UP_POISON = "Poison pill for the catch-up";
    static final String LIVE_POISON = "Poison pill for the live view";

    private static final String OWN_DATABASE = EmbeddedDatabase.newDatabase();

    @Autowired
    JdbcTemplate jdbc;

    /** Its own database: another context's processor must not take the segments of this one. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, OWN_DATABASE);
    }

    @TestConfiguration
    static class PoisonConfiguration {
        @Bean
        CatchUpPoison catchUpPoison() {
            return new CatchUpPoison();
        }

        @Bean
        LivePoison livePoison() {
            return new LivePoison();
        }
    }

    @ProcessingGroup(RequestViewCatchUp.PROCESSING_GROUP)
    static class CatchUpPoison {
        @EventHandler
        void on(RequestSubmitted event) {
            if (CATCH_UP_POISON.equals(event.study().title())) {
                throw new IllegalStateException("this handler fails on purpose");
            }
        }
    }

    @ProcessingGroup(RequestViewProjection.PROCESSING_GROUP)
    static class LivePoison {
        @EventHandler
        void on(RequestSubmitted event) {
            if (LIVE_POISON.equals(event.study().title())) {
                throw new IllegalStateException("this handler fails on purpose");
            }
        }
    }

    @Test
    void failingCatchUpHandlerParksTheEventAndTheProcessorGoesOn() {
        Api investigator = as("investigator1");
        Api.Answer poisoned = investigator.post("/api/requests", Api.submission(CATCH_UP_POISON, "MONITORING"));
        assertThat(poisoned.status()).as("the live view does not depend on the catch-up").isEqualTo(201);

        String healthy = submit("Healthy study after the poison", "BIOSTATISTICS");
        Api.Answer accepted = as("coordinator").post("/api/requests/" + healthy + "/accept",
                Map.of("priority", "NORMAL"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

        String parkedSequences = "select count(*) from dead_letter_entry where processing_group = ?"
                + " and sequence_identifier = ?";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(parkedSequences,
                Integer.class, RequestViewCatchUp.PROCESSING_GROUP, poisoned.text("id")))
                .as("the failed event is kept as a dead letter").isPositive());
        String later = submit("Submitted after the poison was parked", "MONITORING");
        await().atMost(Duration.ofSeconds(10)).until(() -> CatchUpProgress.passed(jdbc, later));
        assertThat(jdbc.queryForObject(parkedSequences, Integer.class, RequestViewCatchUp.PROCESSING_GROUP, healthy))
                .isZero();
    }

    @Test
    void failingLiveProjectionFailsTheCommandAndStoresNothing() {
        long eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long viewsBefore = jdbc.queryForObject("select count(*) from request_view", Long.class);

        Api.Answer refused = as("investigator1").post("/api/requests", Api.submission(LIVE_POISON, "MONITORING"));

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("select count(*) from request_view", Long.class)).isEqualTo(viewsBefore);
        assertThat(as("investigator1").post("/api/requests", Api.submission("Healthy after a refused one",
                "MONITORING")).status()).isEqualTo(201);
    }

    @Test
    void aReferenceAlreadyInTheReadModelFailsTheSubmissionLoudly() {
        String first = submit("Holds its reference", "MONITORING");
        String reference = as("coordinator").get("/api/requests/" + first).text("reference");
        int year = Integer.parseInt(reference.substring(3, 7));
        // a counter restored from an older backup than the events
        jdbc.update("update reference_counter set last_number = last_number - 1 where reference_year = ?", year);
        long eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        Api.Answer clash = as("investigator1").post("/api/requests", Api.submission("Same reference", "MONITORING"));

        assertThat(clash.status()).isEqualTo(500);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("select count(*) from request_view where reference = ?", Long.class, reference))
                .isEqualTo(1);
    }
}
