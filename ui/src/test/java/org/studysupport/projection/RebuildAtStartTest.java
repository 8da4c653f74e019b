package org.studysupport.projection;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.sla.Clock;
import org.studysupport.query.request.RequestViewCatchUp;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;
import org.studysupport.support.ReadTables;
import org.studysupport.support.SlaEvents;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read tables are a projection of the log: emptied, with the catch-up processor's position
 * forgotten, they are rebuilt at the next start exactly as the commands had written them.
 */
class RebuildAtStartTest {

    @Test
    void emptiedReadTablesAreRebuiltFromTheLogAtStartExactlyAsBefore() {
        String database = EmbeddedDatabase.newDatabase();
        List<String> requests;
        Map<String, Object> written;
        try (RunningApplication first = RunningApplication.onPostgres(database, Map.of())) {
            Workflow flow = new Workflow(first.port());
            SlaEvents sla = new SlaEvents(first.bean(EventStore.class), first.bean(TransactionManager.class));
            String busy = flow.submit("investigator1", "Rebuilt busy request", "MONITORING", "BIOSTATISTICS")
                    .path("id").asText();
            sla.triageStarted(busy, Instant.now(), Duration.ofHours(8));
            flow.accept(busy, "URGENT");
            sla.stopped(busy, Clock.TRIAGE, null, Instant.now(), true);
            String monitoring = flow.assign(busy, "MONITORING", "OUS");
            sla.assignmentClockStarted(busy, Clock.HOSPITAL_RESPONSE, monitoring, "OUS", ServiceCode.MONITORING,
                    Instant.now(), Duration.ofHours(1));
            flow.acknowledge(busy, monitoring, "OUS");
            sla.stopped(busy, Clock.HOSPITAL_RESPONSE, monitoring, Instant.now(), true);
            sla.assignmentClockStarted(busy, Clock.DELIVERY, monitoring, "OUS", ServiceCode.MONITORING, Instant.now(),
                    Duration.ofMinutes(1));
            String question = flow.ask("ous-staff", busy, "Which visits?");
            sla.paused(busy, Clock.DELIVERY, monitoring, Instant.now());
            flow.answer("investigator1", busy, question, "Baseline and week 12");
            sla.resumed(busy, Clock.DELIVERY, monitoring, Instant.now().minusSeconds(1), Instant.now(),
                    Instant.now().plusSeconds(61));
            sla.breached(busy, Clock.DELIVERY, monitoring, "OUS", Instant.now());
            flow.comment("coordinator", busy, "Internal remark", "INTERNAL");
            flow.completeAssignment(busy, monitoring, "OUS");
            sla.stopped(busy, Clock.DELIVERY, monitoring, Instant.now(), false);
            String rejected = flow.submit("investigator2", "Rebuilt rejected request", "REGULATORY")
                    .path("id").asText();
            flow.reject(rejected);
            String waiting = flow.submit("investigator1", "Rebuilt waiting request", "BIOBANK").path("id").asText();
            String sites = flow.ask("coordinator", waiting, "How many sites?");
            flow.answer("investigator1", waiting, sites, "Three");
            flow.ask("coordinator", waiting, "Which biobank?");
            requests = List.of(busy, rejected, waiting);
            written = ReadTables.views(first.jdbc(), requests);
            assertThat(first.jdbc().queryForObject("select count(*) from request_sla_clock where request_id = ?",
                    Long.class, UUID.fromString(busy))).isEqualTo(3);

        }
        JdbcTemplate stopped = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
        ReadTables.PARTS.forEach(table -> stopped.update("delete from " + table));
        stopped.update("delete from request_view");
        assertThat(stopped.update("delete from token_entry where processor_name = ?",
                RequestViewCatchUp.PROCESSING_GROUP)).isPositive();

        try (RunningApplication third = RunningApplication.onPostgres(database, Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    ReadTables.views(third.jdbc(), requests).equals(written));
            assertThat(third.as("coordinator").get("/api/requests/" + requests.get(0)).text("status"))
                    .isEqualTo("IN_PROGRESS");
        }
    }
}
