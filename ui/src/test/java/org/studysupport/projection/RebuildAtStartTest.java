package org.studysupport.projection;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.studysupport.query.request.RequestViewCatchUp;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;
import org.studysupport.support.ReadTables;
import org.studysupport.support.Workflow;

import java.time.Duration;
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

    /** Delivery clocks that breach within the test: the rebuild must bring back a breached clock too. */
    private static final Map<String, Object> SHORT_DELIVERY = Map.of("study-support.sla.delivery.duration", "PT2S");

    @Test
    void emptiedReadTablesAreRebuiltFromTheLogAtStartExactlyAsBefore() {
        String database = EmbeddedDatabase.newDatabase();
        List<String> requests;
        Map<String, Object> written;
        try (RunningApplication first = RunningApplication.onPostgres(database, SHORT_DELIVERY)) {
            Workflow flow = new Workflow(first.port());
            String busy = flow.submit("investigator1", "Rebuilt busy request", "MONITORING", "BIOSTATISTICS")
                    .path("id").asText();
            flow.accept(busy, "URGENT");
            String monitoring = flow.assign(busy, "MONITORING", "OUS");
            flow.acknowledge(busy, monitoring, "OUS");
            String question = flow.ask("ous-staff", busy, "Which visits?");
            flow.answer("investigator1", busy, question, "Baseline and week 12");
            flow.comment("coordinator", busy, "Internal remark", "INTERNAL");
            await().atMost(Duration.ofSeconds(20)).until(() -> "BREACHED".equals(first.jdbc().queryForObject(
                    "select state from request_sla_clock where request_id = ? and clock = 'DELIVERY'", String.class,
                    UUID.fromString(busy))));
            flow.completeAssignment(busy, monitoring, "OUS");
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

        try (RunningApplication third = RunningApplication.onPostgres(database, SHORT_DELIVERY)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    ReadTables.views(third.jdbc(), requests).equals(written));
            assertThat(third.as("coordinator").get("/api/requests/" + requests.get(0)).text("status"))
                    .isEqualTo("IN_PROGRESS");
        }
    }
}
