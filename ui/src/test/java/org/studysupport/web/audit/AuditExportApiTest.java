package org.studysupport.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.ProblemAssert;
import org.studysupport.support.Workflow;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/audit/events}: the global log as JSON Lines or CSV, in global order, filtered by
 * request, type, actor and period, for auditors and admins only.
 */
class AuditExportApiTest extends PostgresApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    private static final String AWKWARD_TEXT = "Dose \"low\", then high,\r\nsecond line; third: ,\"\"";

    @Test
    void jsonLinesOfARequestAreItsHistoryInOrderWithWhoWhyAndChainLinks() {
        String id = walkedRequest();
        JsonNode history = ok(as("auditor").get(path(id, "history")));

        List<JsonNode> lines = export("auditor", "?requestId=" + id, null).lines();

        assertThat(lines).hasSize(history.size());
        long previousPosition = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            JsonNode entry = history.get(i);
            assertThat(fieldNames(line)).containsExactly("position", "eventId", "requestId", "sequence", "type",
                    "payloadType", "revision", "occurredAt", "actor", "reason", "data", "metadata", "previousHash",
                    "hash");
            assertThat(line.path("position").asLong()).isGreaterThan(previousPosition);
            previousPosition = line.path("position").asLong();
            assertThat(line.path("requestId").asText()).isEqualTo(id);
            assertThat(line.path("sequence").asLong()).isEqualTo(entry.path("sequence").asLong());
            assertThat(line.path("type").asText()).isEqualTo(entry.path("type").asText());
            assertThat(line.path("payloadType").asText()).endsWith("." + entry.path("type").asText());
            assertThat(line.path("occurredAt").asText()).isEqualTo(entry.path("occurredAt").asText());
            assertThat(line.path("actor")).isEqualTo(entry.path("actor"));
            assertThat(line.path("reason")).isEqualTo(entry.path("reason"));
            assertThat(line.path("metadata").path("userId").asText()).isEqualTo(entry.path("actor").path("id").asText());
            assertThat(line.path("hash").asText()).matches("[0-9a-f]{64}");
            assertThat(line.path("previousHash").asText()).matches("[0-9a-f]{64}").isNotEqualTo(line.path("hash").asText());
        }
        assertThat(lines.get(0).path("data").path("study").path("title").asText())
                .isEqualTo(history.get(0).path("data").path("study").path("title").asText());
        assertThat(lines.get(3).path("reason").asText()).isNotBlank();
    }

    @Test
    void csvHasOneHeaderRowAndOneQuotedRowPerEvent() throws IOException {
        String id = walkedRequest();
        List<JsonNode> lines = export("auditor", "?requestId=" + id, null).lines();

        RawAnswer csv = export("auditor", "?requestId=" + id, "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.body()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("position", "eventId", "requestId", "sequence", "type",
                    "payloadType", "revision", "occurredAt", "actorId", "actorRole", "reason", "data", "metadata",
                    "previousHash", "hash");
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(lines.size());
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord row = rows.get(i);
                JsonNode line = lines.get(i);
                assertThat(row.get("position")).isEqualTo(line.path("position").asText());
                assertThat(row.get("type")).isEqualTo(line.path("type").asText());
                assertThat(row.get("actorId")).isEqualTo(line.path("actor").path("id").asText());
                assertThat(row.get("hash")).isEqualTo(line.path("hash").asText());
                assertThat(JSON.readTree(row.get("data"))).isEqualTo(line.path("data"));
                assertThat(JSON.readTree(row.get("metadata"))).isEqualTo(line.path("metadata"));
            }
            CSVRecord comment = rows.stream().filter(row -> row.get("type").equals("CommentAdded")).findFirst()
                    .orElseThrow();
            assertThat(JSON.readTree(comment.get("data")).path("text").asText()).isEqualTo(AWKWARD_TEXT);
        }
        assertThat(csv.body()).contains("\r\n");
    }

    @Test
    void typeAndActorFiltersSelectTheirEventsOfTheRequest() {
        String id = walkedRequest();

        List<JsonNode> comments = export("auditor", "?requestId=" + id + "&type=CommentAdded", null).lines();
        List<JsonNode> byStaff = export("admin", "?requestId=" + id + "&actor=ous-staff", null).lines();
        List<JsonNode> none = export("auditor", "?requestId=" + id + "&type=Comment", null).lines();

        assertThat(comments).extracting(line -> line.path("type").asText()).containsExactly("CommentAdded");
        assertThat(byStaff).extracting(line -> line.path("type").asText())
                .as("the decline, and the clock it stopped, in the same command")
                .containsExactly("AssignmentDeclined", "SlaClockStopped");
        assertThat(none).as("the type is the whole simple name").isEmpty();
    }

    @Test
    void aPeriodIncludesItsFromAndExcludesItsToToTheMillisecond() {
        String id = walkedRequest();
        List<JsonNode> all = export("auditor", "?requestId=" + id, null).lines();
        JsonNode event = all.get(2);
        String at = event.path("occurredAt").asText();
        Instant moment = Instant.parse(at);
        String request = "&requestId=" + id;

        assertThat(positions(export("auditor", "?from=" + at + request, null).lines()))
                .as("from is inclusive").contains(event.path("position").asLong());
        assertThat(positions(export("auditor", "?to=" + at + request, null).lines()))
                .as("to is exclusive").doesNotContain(event.path("position").asLong());
        String justAfter = moment.plusNanos(100_000).toString();
        assertThat(positions(export("auditor", "?from=" + justAfter + request, null).lines()))
                .as("a tenth of a millisecond later excludes it").doesNotContain(event.path("position").asLong());
        assertThat(positions(export("auditor", "?to=" + justAfter + request, null).lines()))
                .as("a tenth of a millisecond later includes it").contains(event.path("position").asLong());
        // a command's events (the action and the clocks it moves) share its millisecond
        List<JsonNode> upToTheMoment = all.stream()
                .filter(line -> !Instant.parse(line.path("occurredAt").asText()).isAfter(moment)).toList();
        assertThat(upToTheMoment).hasSizeGreaterThanOrEqualTo(3);
        assertThat(positions(export("auditor", "?from=" + all.get(0).path("occurredAt").asText() + "&to="
                + moment.plusMillis(1) + request, null).lines()))
                .containsExactlyElementsOf(positions(upToTheMoment));
    }

    @Test
    void invalidFiltersAreRefusedNamingTheField() {
        assertInvalid("?from=yesterday", "from");
        assertInvalid("?to=2026-13-01T00:00:00Z", "to");
        assertInvalid("?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to");
        assertThat(export("auditor", "?from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z", null).lines())
                .as("an empty period is no error").isEmpty();
        assertInvalid("?type=Request-Submitted", "type");
        assertInvalid("?requestId=not-a-request", "requestId");
        ProblemAssert.assertInvalidField(as("auditor").get("/api/audit/verify?anchor=12"), "anchor");
        ProblemAssert.assertInvalidField(as("auditor").get("/api/audit/verify?anchor=12:ABC"), "anchor");
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditLog() {
        for (String user : List.of("coordinator", "investigator1", "ous-staff")) {
            for (String endpoint : List.of("/api/audit/events", "/api/audit/verify", "/api/audit/checkpoint",
                    "/api/audit/public-key")) {
                ProblemAssert.assertProblem(as(user).get(endpoint), 403);
            }
        }
        assertThat(anonymous().get("/api/audit/events").status()).isEqualTo(401);
        assertThat(as("auditor").get("/api/audit/public-key").body().path("kty").asText()).isEqualTo("EC");
        assertThat(as("admin").get("/api/audit/public-key").body().path("kid").asText()).isNotBlank();
        assertThat(as("auditor").get("/api/audit/public-key").body().has("d")).as("no private part").isFalse();
    }

    private void assertInvalid(String query, String field) {
        ProblemAssert.assertInvalidField(as("auditor").get("/api/audit/events" + query), field);
    }

    /** A request with five events: submitted, accepted, assigned, declined (with a reason), commented. */
    private String walkedRequest() {
        Workflow flow = new Workflow(port);
        String id = accepted(unique("Audit export"), "MONITORING");
        String assignment = assign(id, "MONITORING", "OUS");
        flow.decline(id, assignment, "OUS");
        ok(as("coordinator").post(path(id, "comments"), Map.of("text", AWKWARD_TEXT, "visibility", "INTERNAL")));
        return id;
    }

    @Test
    void exportsVerificationsAndCheckpointsAreOnTheAccessTrail() {
        String id = walkedRequest();
        String query = "requestId=" + id + "&type=RequestSubmitted";

        assertThat(export("admin", "?" + query, "text/csv").status()).isEqualTo(200);
        ok(as("auditor").get("/api/audit/verify"));
        ok(as("auditor").get("/api/audit/checkpoint"));
        assertThat(export("coordinator", "?" + query, null).status()).isEqualTo(403);

        List<String> recorded = jdbc.queryForList("select user_id, action, target, outcome from audit_access"
                + " where detail = ? order by id", query).stream().map(row -> row.get("user_id") + " "
                + row.get("action") + " " + row.get("target") + " " + row.get("outcome")).toList();
        assertThat(recorded).as("%s", jdbc.queryForList("select * from audit_access order by id desc limit 6"))
                .containsExactly("admin EXPORT_EVENTS " + id + " 200", "coordinator EXPORT_EVENTS " + id + " 403");
        List<String> latest = jdbc.queryForList("select action from audit_access where user_id = 'auditor'"
                + " order by id desc limit 2", String.class);
        assertThat(latest).containsExactly("CHECKPOINT", "VERIFY");
    }

    private RawAnswer export(String user, String query, String accept) {
        return RawAnswer.get(port, user, "/api/audit/events" + query.replace("+", "%2B"), accept);
    }

    private static List<Long> positions(List<JsonNode> lines) {
        return lines.stream().map(line -> line.path("position").asLong()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
