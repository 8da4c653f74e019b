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

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access trail: reads of a history and of a request as of a moment are recorded with who, in
 * which role, what, of which request, with which query, when, and with which answer (refusals too);
 * auditors and admins export the trail, oldest first, as JSON Lines or CSV, filtered by period and
 * actor, and each export is itself on the trail.
 */
class AccessTrailApiTest extends PostgresApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void historyAndAsOfReadsByTheAuditorAreRecordedWithWhoWhatAndWhen() throws Exception {
        String id = submit(unique("Access trail"), "MONITORING");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String asOf = Instant.now().toString();

        ok(as("auditor").get(path(id, "history")));
        ok(as("auditor").get(path(id) + "?asOf=" + asOf));
        Instant after = Instant.now();

        List<JsonNode> records = ofRequest(jsonLines(get("auditor", "/api/audit/access?actor=auditor&from="
                + before, null)), id);
        assertThat(records).hasSize(2);
        JsonNode history = records.get(0);
        assertThat(history.path("action").asText()).isEqualTo("HISTORY");
        assertThat(history.path("actor").path("id").asText()).isEqualTo("auditor");
        assertThat(history.path("actor").path("role").asText()).isEqualTo("AUDITOR");
        assertThat(history.path("outcome").asInt()).isEqualTo(200);
        assertThat(history.path("detail").isNull()).isTrue();
        assertThat(Instant.parse(history.path("at").asText())).isBetween(before, after);
        JsonNode asOfRead = records.get(1);
        assertThat(asOfRead.path("action").asText()).isEqualTo("AS_OF_REQUEST");
        assertThat(asOfRead.path("detail").asText()).isEqualTo("asOf=" + asOf);
        assertThat(asOfRead.path("outcome").asInt()).isEqualTo(200);
        assertThat(Instant.parse(asOfRead.path("at").asText())).isAfterOrEqualTo(Instant.parse(history.path("at").asText()));
        assertThat(asOfRead.path("id").asLong()).isGreaterThan(history.path("id").asLong());
    }

    @Test
    void refusedReadsAreRecordedWithTheirStatus() throws Exception {
        String id = submit(unique("Access trail refusals"), "BIOSTATISTICS");
        String unknown = UUID.randomUUID().toString();
        Instant before = Instant.now();

        ProblemAssert.assertProblem(as("investigator2").get(path(id, "history")), 404);
        ProblemAssert.assertProblem(as("ous-staff").get(path(id, "history")), 403);
        ProblemAssert.assertProblem(as("auditor").get(path(unknown) + "?asOf=" + Instant.now()), 404);
        ok(as("investigator1").get(path(id, "history")));

        List<JsonNode> all = jsonLines(get("admin", "/api/audit/access?from=" + before, null));
        assertThat(ofRequest(all, id)).extracting(r -> r.path("actor").path("id").asText() + " "
                        + r.path("action").asText() + " " + r.path("outcome").asInt())
                .containsExactly("investigator2 HISTORY 404", "ous-staff HISTORY 403", "investigator1 HISTORY 200");
        assertThat(ofRequest(all, unknown)).extracting(r -> r.path("action").asText() + " " + r.path("outcome").asInt())
                .containsExactly("AS_OF_REQUEST 404");
    }

    @Test
    void theCsvExportHasAHeaderAndTheSameRecordsAsJsonLinesQuotedAsRfc4180() throws Exception {
        String id = submit(unique("Access trail CSV"), "REGULATORY");
        Instant before = Instant.now();
        String asOf = Instant.now().toString();
        // a query with a comma and quotes: the detail must survive CSV quoting
        assertThat(get("coordinator", path(id) + "?asOf=" + asOf + "&note="
                + URLEncoder.encode("a,\"b\"", StandardCharsets.UTF_8), null).status()).isEqualTo(200);
        ok(as("coordinator").get(path(id, "history")));
        String query = "/api/audit/access?actor=coordinator&from=" + before + "&to=" + Instant.now().plusSeconds(1);

        Raw csv = get("auditor", query, "text/csv");
        Raw lines = get("auditor", query, null);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(lines.contentType()).startsWith("application/x-ndjson");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body()))) {
            assertThat(parser.getHeaderNames()).containsExactly("id", "at", "actor_id", "actor_role", "action",
                    "target", "detail", "outcome");
            rows = parser.getRecords();
        }
        List<JsonNode> json = jsonLines(lines);
        assertThat(rows).hasSize(2).hasSameSizeAs(json);
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode line = json.get(i);
            assertThat(row.get("id")).isEqualTo(line.path("id").asText());
            assertThat(Instant.parse(row.get("at"))).isEqualTo(Instant.parse(line.path("at").asText()));
            assertThat(row.get("actor_id")).isEqualTo("coordinator");
            assertThat(row.get("actor_role")).isEqualTo("COORDINATOR");
            assertThat(row.get("action")).isEqualTo(line.path("action").asText());
            assertThat(row.get("target")).isEqualTo(id);
            assertThat(row.get("detail")).isEqualTo(line.path("detail").asText(""));
            assertThat(row.get("outcome")).isEqualTo("200");
        }
        assertThat(rows.get(0).get("action")).isEqualTo("AS_OF_REQUEST");
        assertThat(rows.get(0).get("detail")).isEqualTo("asOf=" + asOf + "&note=a,\"b\"");
        assertThat(rows.get(1).get("action")).isEqualTo("HISTORY");
        assertThat(rows.get(1).get("detail")).isEmpty();
    }

    @Test
    void filtersSelectByPeriodAndActorAndEachExportIsRecorded() throws Exception {
        String id = submit(unique("Access trail filters"), "BIOBANK");
        Instant start = Instant.now();
        ok(as("coordinator").get(path(id, "history")));
        Instant middle = Instant.now();
        ok(as("auditor").get(path(id, "history")));
        ok(as("admin").get(path(id, "history")));
        Instant end = Instant.now();

        assertThat(actors(ofRequest(jsonLines(get("auditor", "/api/audit/access?from=" + start + "&to=" + end, null)),
                id))).containsExactly("coordinator", "auditor", "admin");
        assertThat(actors(ofRequest(jsonLines(get("auditor", "/api/audit/access?from=" + start + "&to=" + middle,
                null)), id))).containsExactly("coordinator");
        assertThat(actors(ofRequest(jsonLines(get("auditor", "/api/audit/access?from=" + middle, null)), id)))
                .containsExactly("auditor", "admin");
        List<JsonNode> admins = jsonLines(get("auditor", "/api/audit/access?actor=admin&from=" + start, null));
        assertThat(actors(admins)).containsOnly("admin");
        assertThat(ofRequest(admins, id)).hasSize(1);

        List<JsonNode> exports = jsonLines(get("auditor", "/api/audit/access?actor=auditor&from=" + start, null));
        JsonNode last = exports.get(exports.size() - 1);
        assertThat(last.path("action").asText()).as("the export is itself on the trail").isEqualTo("EXPORT_ACCESS");
        assertThat(last.path("target").isNull()).isTrue();
        assertThat(last.path("detail").asText()).isEqualTo("actor=auditor&from=" + start);
        assertThat(exports.stream().filter(r -> r.path("action").asText().equals("EXPORT_ACCESS")).count())
                .as("four exports by the auditor before this one, and this one").isEqualTo(5);
    }

    @Test
    void onlyAuditorsAndAdminsMayExportAndOthersAreRecordedAsRefused() throws Exception {
        Instant before = Instant.now();
        for (String user : List.of("coordinator", "investigator1", "ous-staff")) {
            ProblemAssert.assertProblem(as(user).get("/api/audit/access"), 403);
        }
        ProblemAssert.assertProblem(anonymous().get("/api/audit/access"), 401);
        assertThat(get("admin", "/api/audit/access?from=" + before, null).status()).isEqualTo(200);

        List<JsonNode> refused = jsonLines(get("auditor", "/api/audit/access?from=" + before, null)).stream()
                .filter(r -> r.path("outcome").asInt() == 403).toList();
        assertThat(refused).extracting(r -> r.path("actor").path("id").asText() + " " + r.path("action").asText())
                .containsExactly("coordinator EXPORT_ACCESS", "investigator1 EXPORT_ACCESS", "ous-staff EXPORT_ACCESS");
    }

    @Test
    void badParametersAre400ProblemsAndRecordNothing() throws Exception {
        Instant before = Instant.now();

        JsonNode badFrom = ProblemAssert.assertProblem(as("admin").get("/api/audit/access?from=yesterday"), 400);
        assertThat(badFrom.path("errors").get(0).path("field").asText()).isEqualTo("from");
        JsonNode backwards = ProblemAssert.assertProblem(as("admin").get("/api/audit/access?from="
                + Instant.now() + "&to=" + before), 400);
        assertThat(backwards.path("errors").get(0).path("field").asText()).isEqualTo("to");
        JsonNode blankActor = ProblemAssert.assertProblem(as("admin").get("/api/audit/access?actor="), 400);
        assertThat(blankActor.path("errors").get(0).path("field").asText()).isEqualTo("actor");
        assertThat(get("admin", "/api/audit/access", "application/xml").status()).isEqualTo(406);

        List<JsonNode> admins = jsonLines(get("auditor", "/api/audit/access?actor=admin&from=" + before, null));
        assertThat(admins).as("refused for bad input: not a read of the trail").isEmpty();
    }

    @Test
    void aLongTrailIsExportedWholeAndInOrderInBothFormats() throws Exception {
        int records = 200_000;
        jdbc.update("insert into audit_access (at, user_id, role, action, target, detail, outcome)"
                + " select timestamp with time zone '2001-03-01 00:00:00+00' + n * interval '1 millisecond',"
                + " 'archivist', 'AUDITOR', 'HISTORY', null, 'n=' || n, 200 from generate_series(1, ?) n", records);
        String period = "/api/audit/access?from=2001-03-01T00:00:00Z&to=2001-03-02T00:00:00Z";

        long started = System.nanoTime();
        List<JsonNode> lines = jsonLines(get("auditor", period, null));
        long jsonMillis = (System.nanoTime() - started) / 1_000_000;
        Raw csv = get("auditor", period, "text/csv");

        assertThat(lines).hasSize(records);
        assertThat(lines.get(0).path("detail").asText()).isEqualTo("n=1");
        assertThat(lines.get(0).path("at").asText()).isEqualTo("2001-03-01T00:00:00.001Z");
        assertThat(lines.get(records - 1).path("detail").asText()).isEqualTo("n=" + records);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body()))) {
            long rows = 0;
            String last = null;
            for (CSVRecord row : parser) {
                rows++;
                last = row.get("detail");
            }
            assertThat(rows).isEqualTo(records);
            assertThat(last).isEqualTo("n=" + records);
        }
        System.out.printf("access trail export: %d records as JSON Lines in %d ms%n", records, jsonMillis);
    }

    private static List<JsonNode> ofRequest(List<JsonNode> records, String id) {
        return records.stream().filter(r -> id.equals(r.path("target").asText(null))).toList();
    }

    private static List<String> actors(List<JsonNode> records) {
        return records.stream().map(r -> r.path("actor").path("id").asText()).toList();
    }

    private record Raw(int status, String contentType, String body) {
    }

    /** A GET whose body is kept as text: the exports are not one JSON document. */
    private Raw get(String user, String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static List<JsonNode> jsonLines(Raw answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
