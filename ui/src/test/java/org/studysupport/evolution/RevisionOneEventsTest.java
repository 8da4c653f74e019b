package org.studysupport.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RevisionOneFixture;
import org.studysupport.support.RunningApplication;
import org.studysupport.support.Workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store that already holds first-revision {@code ClarificationRequested} events (real rows, see
 * {@link RevisionOneFixture}) works on the application of today: the catch-up processor builds the
 * request's view from them with the asker's role, the history and the request as of a moment show
 * them as revision 2, the audit export shows them as stored and the hash chain (linked when the store
 * is upgraded past V10) verifies, and the aggregate loads from them and accepts new commands, whose
 * events are stored as revision 2. The stored first-revision rows stay byte for byte as written.
 */
class RevisionOneEventsTest {

    private static final String REQUEST = "/api/requests/" + RevisionOneFixture.REQUEST_ID;

    @Test
    void firstRevisionEventsAreReadAsTheSecondEverywhereAndStayAsStored() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        JdbcTemplate store = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
        Flyway.configure().dataSource(database, "postgres", "postgres")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                // the schema as it was when these rows were written: before the audit chain (V10)
                .target("9").load().migrate();
        RevisionOneFixture.insertInto(store);

        try (RunningApplication app = RunningApplication.onPostgres(database, Map.of())) {
            Api auditor = app.as("auditor");
            await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get(REQUEST).status() == 200);

            JsonNode view = auditor.get(REQUEST).body();
            assertThat(view.path("version").asLong()).isEqualTo(7);
            assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
            JsonNode clarifications = view.path("clarifications");
            assertThat(clarifications).hasSize(2);
            assertClarification(clarifications.get(0), RevisionOneFixture.COORDINATORS_QUESTION, "coordinator",
                    "COORDINATOR");
            assertClarification(clarifications.get(1), RevisionOneFixture.HOSPITALS_QUESTION, "ous-staff", "HOSPITAL");

            JsonNode history = auditor.get(REQUEST + "/history").body();
            assertThat(history).hasSize(8);
            assertAsker(history.get(1).path("data"), "coordinator", "COORDINATOR", null);
            assertAsker(history.get(6).path("data"), "ous-staff", "HOSPITAL", "OUS");
            assertThat(history.get(6).path("actor").path("id").asText()).isEqualTo("ous-staff");

            String hospitalAsked = RevisionOneFixture.rows().get(6).timeStamp();
            JsonNode then = auditor.get(REQUEST + "?asOf=" + hospitalAsked).body();
            assertThat(then.path("status").asText()).isEqualTo("AWAITING_INFO");
            assertThat(then.path("clarifications").get(1).path("askedByRole").asText())
                    .as("as of a moment, from the upcast events").isEqualTo("HOSPITAL");
            assertThat(then.path("clarifications").get(1).path("answer").isNull()).isTrue();

            JsonNode verified = auditor.get("/api/audit/verify").body();
            assertThat(verified.path("verified").asBoolean()).as("chained at the upgrade, as stored: %s", verified)
                    .isTrue();
            List<JsonNode> exported = exportOf(app.port());
            assertThat(exported).hasSize(8);
            assertThat(exported.get(6).path("type").asText()).isEqualTo("ClarificationRequested");
            assertThat(exported.get(6).path("revision").isNull()).as("exported as stored").isTrue();
            assertThat(exported.get(6).path("data").has("askedByRole")).as("exported as stored").isFalse();
            assertThat(exported.get(6).path("hash").asText()).matches("[0-9a-f]{64}");

            Workflow flow = new Workflow(app.port());
            String question = flow.ask("ous-staff", RevisionOneFixture.REQUEST_ID, "Is the week 24 visit kept?");
            JsonNode answered = flow.answer("investigator1", RevisionOneFixture.REQUEST_ID, question, "Yes.");
            assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(answered.path("version").asLong()).isEqualTo(9);
            assertThat(answered.path("clarifications").get(2).path("askedByRole").asText()).isEqualTo("HOSPITAL");
            assertThat(flow.as("investigator1").post(REQUEST + "/clarifications/"
                    + RevisionOneFixture.HOSPITALS_QUESTION + "/answer", Map.of("answer", "Again")).status())
                    .as("a question answered in the first revision stays answered").isEqualTo(409);

            JsonNode newest = auditor.get(REQUEST + "/history").body().get(8);
            assertAsker(newest.path("data"), "ous-staff", "HOSPITAL", "OUS");
            assertThat(auditor.get("/api/audit/verify").body().path("verified").asBoolean())
                    .as("first and second revisions in one chain").isTrue();
        }

        assertThat(store.queryForObject("select payload_revision from domain_event_entry where"
                        + " aggregate_identifier = ? and sequence_number = 8", String.class,
                RevisionOneFixture.REQUEST_ID)).as("a new question is stored as revision 2").isEqualTo("2");
        for (RevisionOneFixture.Row row : RevisionOneFixture.rows()) {
            Map<String, Object> stored = store.queryForMap("select payload, meta_data, payload_revision, time_stamp"
                    + " from domain_event_entry where event_identifier = ?", row.eventIdentifier());
            assertThat(new String((byte[]) stored.get("payload"), StandardCharsets.UTF_8)).isEqualTo(row.payload());
            assertThat(new String((byte[]) stored.get("meta_data"), StandardCharsets.UTF_8)).isEqualTo(row.metaData());
            assertThat(stored.get("payload_revision")).isNull();
            assertThat(stored.get("time_stamp")).isEqualTo(row.timeStamp());
        }
    }

    /** The request's events as the audit export gives them, one JSON line each. */
    private static List<JsonNode> exportOf(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/audit/events?requestId=" + RevisionOneFixture.REQUEST_ID))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:demo".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    private static void assertClarification(JsonNode clarification, String id, String askedBy, String role) {
        assertThat(clarification.path("id").asText()).isEqualTo(id);
        assertThat(clarification.path("askedBy").asText()).isEqualTo(askedBy);
        assertThat(clarification.path("askedByRole").asText()).isEqualTo(role);
        assertThat(clarification.path("answer").isTextual()).isTrue();
    }

    private static void assertAsker(JsonNode data, String askedBy, String role, String hospital) {
        assertThat(data.path("askedBy").asText()).isEqualTo(askedBy);
        assertThat(data.path("askedByRole").asText()).isEqualTo(role);
        if (hospital == null) {
            assertThat(data.path("askedByHospital").isNull()).as("no hospital: " + data).isTrue();
        } else {
            assertThat(data.path("askedByHospital").asText()).isEqualTo(hospital);
        }
    }
}
