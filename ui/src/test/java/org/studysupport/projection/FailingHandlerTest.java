package org.studysupport.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.query.request.RequestViewProjection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.PostgresApiTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler of the request-view processor that throws must neither stop the processor nor lose the
 * event: the event is parked as a dead letter and the events of other requests are still projected.
 */
@Import(FailingHandlerTest.PoisonConfiguration.class)
class FailingHandlerTest extends PostgresApiTest {

    static final String POISON = "Poison pill study";

    private static final String OWN_DATABASE = EmbeddedDatabase.newDatabase();

    @Autowired
    JdbcTemplate jdbc;

    /** Its own database: another context's processor must not take the segments of this one. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> OWN_DATABASE);
    }

    @TestConfiguration
    static class PoisonConfiguration {
        @Bean
        PoisonHandler poisonHandler() {
            return new PoisonHandler();
        }
    }

    @ProcessingGroup(RequestViewProjection.PROCESSING_GROUP)
    static class PoisonHandler {
        @EventHandler
        void on(RequestSubmitted event) {
            if (POISON.equals(event.study().title())) {
                throw new IllegalStateException("this handler fails on purpose");
            }
        }
    }

    @Test
    void failingHandlerParksTheEventAndTheProcessorGoesOn() {
        Api investigator = as("investigator1");
        Api.Answer poisoned = investigator.post("/api/requests", Api.submission(POISON, "MONITORING"));
        assertThat(poisoned.status()).as("the event is stored whatever the read model does").isIn(201, 202);

        String healthy = submit("Healthy study after the poison", "BIOSTATISTICS");
        Api.Answer accepted = as("coordinator").post("/api/requests/" + healthy + "/accept",
                Map.of("priority", "NORMAL"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

        String parkedSequences = "select count(*) from dead_letter_entry where processing_group = ?"
                + " and sequence_identifier = ?";
        Integer poisonParked = jdbc.queryForObject(parkedSequences, Integer.class,
                RequestViewProjection.PROCESSING_GROUP, poisoned.text("id"));
        Integer healthyParked = jdbc.queryForObject(parkedSequences, Integer.class,
                RequestViewProjection.PROCESSING_GROUP, healthy);
        assertThat(poisonParked).as("the failed event is kept as a dead letter").isPositive();
        assertThat(healthyParked).isZero();
    }
}
