package org.studysupport.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.ReadTables;
import org.studysupport.support.RunningApplication;
import org.studysupport.support.StoreConsistency;
import org.studysupport.support.Workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backup and restore of docs/operations.md, command for command: {@code pg_dump} of a
 * database in use, {@code pg_restore} into a new one, the application started on it and its read
 * model rebuilt from the log; the restored node answers as the original did, and goes on (the
 * next reference number follows the last one).
 */
@Tag("faults")
class BackupRestoreTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EVENTS = "select global_index, aggregate_identifier, sequence_number, payload_type,"
            + " encode(payload, 'hex') as payload from domain_event_entry order by global_index";

    @Test
    void aDumpRestoredIntoANewDatabaseServesTheSameRequestsAfterItsReadModelIsRebuilt(@TempDir Path backups)
            throws Exception {
        String original = EmbeddedDatabase.newDatabase();
        Path dump = backups.resolve("study-support.dump");
        List<String> ids = new ArrayList<>();
        PartWalkedRequest walked;
        Map<String, Object> tablesBefore;
        List<Map<String, Object>> eventsBefore;
        try (RunningApplication app = RunningApplication.onPostgres(original, Map.of())) {
            Workflow flow = new Workflow(app.port());
            String commented = flow.submit("investigator1", "Backed up with a comment", "BIOSTATISTICS")
                    .path("id").asText();
            flow.comment("coordinator", commented, "Kept in the backup", "PUBLIC");
            ids.add(commented);
            ids.add(flow.submit("investigator2", "Backed up while submitted", "MONITORING").path("id").asText());
            walked = PartWalkedRequest.walk(app, "Backed up part way");
            ids.add(walked.id());

            // the dump is taken while the node serves: pg_dump reads one consistent snapshot
            run("pg_dump", "--format=custom", "--file=" + dump, libpqUrl(original));
            tablesBefore = ReadTables.views(app.jdbc(), ids);
            eventsBefore = app.jdbc().queryForList(EVENTS);
        }

        String restored = EmbeddedDatabase.newDatabase();
        run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpqUrl(restored), dump.toString());

        try (RunningApplication app = RunningApplication.onPostgres(restored, Map.of())) {
            Api admin = app.as("admin");
            Api.Answer replay = admin.post("/api/admin/projections/request-view/replay",
                    Map.of("reason", "restored from a backup"));
            assertThat(replay.status()).isEqualTo(202);
            await().atMost(WAIT).until(() -> !rebuild(admin).path("outcome").asText().equals("RUNNING"));
            assertThat(rebuild(admin).path("outcome").asText()).isEqualTo("COMPLETED");
            assertThat(rebuild(admin).path("reason").asText()).isEqualTo("restored from a backup");

            assertThat(app.jdbc().queryForList(EVENTS)).as("the events, restored").isEqualTo(eventsBefore);
            assertThat(ReadTables.views(app.jdbc(), ids)).as("the read tables, rebuilt").isEqualTo(tablesBefore);
            assertThat(app.as("coordinator").get("/api/requests/" + ids.get(0)).body().path("comments")
                    .get(0).path("text").asText()).isEqualTo("Kept in the backup");
            walked.assertIntactAndFinishableIn(app);
            StoreConsistency.assertViewsAgreeWithEvents(app.jdbc());
            StoreConsistency.assertReferencesUnique(app.jdbc());
        }
    }

    private static JsonNode rebuild(Api admin) {
        for (JsonNode processor : admin.get("/api/admin/projections").body()) {
            if (processor.path("name").asText().equals("request-view")) {
                return processor.path("rebuild");
            }
        }
        throw new AssertionError("no processor request-view");
    }

    /** {@code jdbc:postgresql://localhost:5432/name?user=postgres} as libpq's {@code postgresql://postgres@localhost:5432/name}. */
    private static String libpqUrl(String jdbcUrl) {
        String address = jdbcUrl.substring("jdbc:postgresql://".length()).replaceFirst("\\?.*$", "");
        return "postgresql://postgres:postgres@" + address;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as(String.join(" ", command) + " ended").isTrue();
        assertThat(process.exitValue()).as(command[0] + " exit status; output: " + output).isZero();
    }
}
