package org.studysupport.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studysupport.support.Api;
import org.studysupport.support.RunningApplication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default (H2 file database under {@code study-support.data-dir}) starts, loads the demo
 * data into an empty store exactly once, and keeps everything across a restart.
 */
class H2DefaultSmokeTest {

    private static final List<String> DEMO_TITLES = List.of(
            "Low-dose colchicine after myocardial infarction",
            "National registry of early-onset type 2 diabetes",
            "Inhaled corticosteroid tapering in children with asthma");

    @Test
    void demoDataLoadsOnceAndRequestsSurviveRestartOnTheH2FileStore(@TempDir Path dataDir) {
        PartWalkedRequest walked;
        try (RunningApplication first = RunningApplication.onH2(dataDir, true)) {
            JsonNode demo = first.as("coordinator").get("/api/requests?size=50").body();
            assertThat(demo.path("total").asLong()).isEqualTo(3);
            assertThat(titles(demo)).containsExactlyInAnyOrderElementsOf(DEMO_TITLES);
            assertThat(references(demo)).allMatch(r -> r.matches("SR-\\d{4}-0000[123]")).doesNotHaveDuplicates();

            walked = PartWalkedRequest.walk(first, "Restart on H2");
            assertThat(walked.reference()).endsWith("-00004");
            assertThat(first.jdbc().queryForList("select distinct data_type from information_schema.columns"
                    + " where table_name in ('DOMAIN_EVENT_ENTRY', 'SNAPSHOT_EVENT_ENTRY')"
                    + " and column_name in ('PAYLOAD', 'META_DATA')", String.class))
                    .as("event payloads inline, not in H2's LOB storage").containsExactly("BINARY VARYING");
        }
        assertThat(dataDir.resolve("study-support.mv.db")).exists();

        try (RunningApplication second = RunningApplication.onH2(dataDir, true)) {
            JsonNode afterRestart = second.as("coordinator").get("/api/requests?size=50").body();
            assertThat(afterRestart.path("total").asLong()).isEqualTo(4);
            assertThat(titles(afterRestart)).containsExactlyInAnyOrder(
                    DEMO_TITLES.get(0), DEMO_TITLES.get(1), DEMO_TITLES.get(2), "Restart on H2");

            walked.assertIntactAndFinishableIn(second);
            assertThat(second.as("coordinator").get("/api/requests?size=50").body().path("total").asLong())
                    .isEqualTo(5);
        }
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }

    private static List<String> references(JsonNode page) {
        List<String> references = new ArrayList<>();
        page.path("items").forEach(item -> references.add(item.path("reference").asText()));
        return references;
    }
}
