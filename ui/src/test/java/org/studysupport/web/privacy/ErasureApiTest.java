package org.studysupport.web.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.Api;
import org.studysupport.support.ApiTest;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.ProblemAssert;
import org.studysupport.support.Workflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Erasure by crypto-shredding, end to end on PostgreSQL: two investigators submit requests with
 * contact data found nowhere else, one request goes through its whole life, investigator1 is erased.
 * Afterwards no answer (view, as-of view, history, export) shows their contact, a dump of the whole
 * database holds none of it, the read models rebuild from the log and still show it erased, the
 * audit chain still verifies, and investigator2's contact still reads. The test has its own
 * database, so that the dump holds only what it wrote.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ErasureApiTest extends ApiTest {

    private static final String OWN_DATABASE = EmbeddedDatabase.newDatabase();

    private static final Map<String, String> ERASED_CONTACT = Map.of(
            "name", "Ingeborg Quillfeather-Tveit", "email", "ingeborg.q.7341@erasure-test.invalid",
            "phone", "+47 913 57 246");
    private static final Map<String, String> ERASED_SECOND_CONTACT = Map.of(
            "name", "Ingeborg Q. Tveit", "email", "i.tveit.8812@erasure-test.invalid", "phone", "+47 477 19 350");
    private static final Map<String, String> KEPT_CONTACT = Map.of(
            "name", "Bodil Vintervoll-Aasen", "email", "bodil.v.5527@erasure-test.invalid", "phone", "+47 944 82 113");

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, OWN_DATABASE);
    }

    @Test
    void anErasedSubjectsContactIsGoneFromEveryAnswerAndFromTheDatabaseWhileTheTrailStaysWhole() throws Exception {
        Workflow flow = new Workflow(port);
        String erased = flow.submit("investigator1", withContact("Erasure: full life", ERASED_CONTACT)).path("id")
                .asText();
        String erasedSubmittedAt = read("coordinator", erased).path("submittedAt").asText();
        String erasedWithdrawn = as("investigator1").post("/api/requests", withContact("Erasure: withdrawn",
                ERASED_SECOND_CONTACT), headers -> headers.add("Idempotency-Key", "erasure-test-1")).text("id");
        flow.withdraw("investigator1", erasedWithdrawn);
        String kept = flow.submit("investigator2", withContact("Erasure: other subject", KEPT_CONTACT)).path("id")
                .asText();
        liveThrough(flow, erased);

        // before: the contact reads for those who may see it, and is sealed where it is stored
        assertContact(read("coordinator", erased), ERASED_CONTACT);
        assertContact(read("investigator1", erased), ERASED_CONTACT);
        assertThat(read("ous-staff", erased).path("contact").isNull()).as("hospital staff never see it").isTrue();
        assertContact(ok(as("auditor").get(path(erased, "history"))).get(0).path("data"), ERASED_CONTACT);
        List<String> keysBefore = jdbc.queryForList("select key_id from subject_key where subject = 'investigator1'",
                String.class);
        assertThat(keysBefore).as("one key for both submissions").hasSize(1);

        // refusals change nothing
        assertThat(as("coordinator").post(erasure("investigator1"), Map.of("reason", "Not mine to do")).status())
                .isEqualTo(403);
        ProblemAssert.assertProblem(as("admin").post(erasure("investigator1"), Map.of("reason", " ")), 400);
        ProblemAssert.assertProblem(as("admin").post(erasure("investigator1"), Map.of("reason", "x".repeat(2001))),
                400);
        ProblemAssert.assertProblem(as("admin").post(erasure("investigator1"), Map.of()), 400);
        assertContact(read("coordinator", erased), ERASED_CONTACT);

        JsonNode erasure = ok(as("admin").post(erasure("investigator1"),
                Map.of("reason", "GDPR art. 17 request received 2026-11-30")));

        assertThat(erasure.path("subject").asText()).isEqualTo("investigator1");
        assertThat(erasure.path("erasedBy").asText()).isEqualTo("admin");
        assertThat(Instant.parse(erasure.path("erasedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(erasure.path("keysDestroyed").asInt()).isEqualTo(1);
        assertThat(erasure.path("requestsAffected").asInt()).isEqualTo(2);
        ProblemAssert.assertProblem(as("admin").post(erasure("investigator1"), Map.of("reason", "Once more")), 409);

        assertErasedEverywhere(erased, erasedSubmittedAt);
        assertErased(read("coordinator", erasedWithdrawn).path("contact"));
        assertContact(read("coordinator", kept), KEPT_CONTACT);
        assertThat(read("investigator1", erased).path("submittedAt").asText()).isEqualTo(erasedSubmittedAt);

        // the erasure is in the log: who, when, why, whose; and no personal data
        List<JsonNode> log = export("/api/audit/events?type=SubjectErased");
        assertThat(log).hasSize(1);
        JsonNode recorded = log.get(0);
        assertThat(recorded.toString()).contains("investigator1").contains("admin")
                .contains("GDPR art. 17 request received 2026-11-30");
        assertNoneOf(recorded.toString(), ERASED_CONTACT, "the erasure's record");

        // the read models rebuild from the log and still show the contact erased
        Api.Answer replay = as("admin").post("/api/admin/projections/request-view/replay",
                Map.of("reason", "After an erasure"));
        assertThat(replay.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !latestRebuild().path("outcome").asText().equals("RUNNING"));
        assertThat(latestRebuild().path("outcome").asText()).isEqualTo("COMPLETED");
        assertErasedEverywhere(erased, erasedSubmittedAt);
        assertContact(read("coordinator", kept), KEPT_CONTACT);
        assertThat(read("coordinator", erased).path("status").asText()).isEqualTo("COMPLETED");

        JsonNode verified = ok(as("auditor").get("/api/audit/verify"));
        assertThat(verified.path("verified").asBoolean()).as("the chain hashes what is stored: %s", verified)
                .isTrue();

        // a new submission of the erased investigator gets a new key, and reads
        String later = flow.submit("investigator1", withContact("Erasure: after", KEPT_CONTACT)).path("id").asText();
        assertContact(read("coordinator", later), KEPT_CONTACT);
        assertThat(jdbc.queryForList("select key_id from subject_key where subject = 'investigator1'", String.class))
                .hasSize(1).doesNotContainAnyElementsOf(keysBefore);

        String dump = pgDump();
        assertThat(dump).as("the dump holds the test's requests").contains("Erasure: full life")
                .contains("subject_key").contains("investigator2")
                .as("event payloads and metadata (bytea) are searchable in the dump")
                .contains("GDPR art. 17 request received 2026-11-30").contains("Eight sites in Norway and Sweden.");
        assertNoneOf(dump, ERASED_CONTACT, "the database dump");
        assertNoneOf(dump, ERASED_SECOND_CONTACT, "the database dump");
        assertNoneOf(dump, KEPT_CONTACT, "the database dump (contacts are sealed, not only erased ones)");
    }

    @Test
    void theApiDocumentShowsTheErasureAndTheContactBlockAsAnswersCarryIt() {
        JsonNode document = anonymous().get("/v3/api-docs").body();
        assertThat(document.path("paths").has("/api/admin/subjects/{userId}/erase")).isTrue();
        JsonNode contact = document.path("components").path("schemas").path("ContactView").path("properties");
        assertThat(contact.has("erased")).isTrue();
        assertThat(contact.has("name")).isTrue();
        assertThat(contact.has("sealed")).as("the stored form is not part of an answer").isFalse();
    }

    @Test
    void onlyAdminsRewrapTheSubjectKeysAndKeysAlreadyWrappedByThePrimaryAreLeft() {
        submitAs("investigator2", "Erasure: rewrap", "MONITORING");
        for (String user : List.of("coordinator", "auditor", "investigator1")) {
            assertThat(as(user).post("/api/admin/subject-keys/rewrap", Map.of("reason", "Rotation")).status())
                    .as(user).isEqualTo(403);
        }
        ProblemAssert.assertProblem(as("admin").post("/api/admin/subject-keys/rewrap", Map.of()), 400);

        JsonNode rewrap = ok(as("admin").post("/api/admin/subject-keys/rewrap", Map.of("reason", "Rotation 2026-12")));

        assertThat(rewrap.path("rewrapped").asInt()).as("one master key: nothing to wrap again").isZero();
        assertThat(rewrap.path("unreadableKeyIds")).isEmpty();
    }

    /** Accepted, assigned, acknowledged, asked and answered, commented, delivered and completed. */
    private void liveThrough(Workflow flow, String id) {
        flow.accept(id, "HIGH");
        String assignment = flow.assign(id, "MONITORING", "OUS");
        flow.acknowledge(id, assignment, "OUS");
        String question = flow.ask("coordinator", id, "Which sites take part?");
        flow.answer("investigator1", id, question, "Eight sites in Norway and Sweden.");
        flow.comment("coordinator", id, "Internal note", "INTERNAL");
        flow.completeAssignment(id, assignment, "OUS");
        flow.complete(id);
    }

    private void assertErasedEverywhere(String id, String submittedAt) throws Exception {
        for (String reader : List.of("coordinator", "auditor", "admin", "investigator1")) {
            JsonNode view = read(reader, id);
            assertErased(view.path("contact"));
            assertThat(view.path("investigatorId").asText()).as("actor ids stay").isEqualTo("investigator1");
            assertNoneOf(view.toString(), ERASED_CONTACT, reader + "'s view");
        }
        JsonNode history = ok(as("auditor").get(path(id, "history")));
        assertThat(history.get(0).path("type").asText()).isEqualTo("RequestSubmitted");
        assertThat(history.get(0).path("actor").path("id").asText()).isEqualTo("investigator1");
        assertErased(history.get(0).path("data").path("contact"));
        assertNoneOf(history.toString(), ERASED_CONTACT, "the history");
        JsonNode owners = ok(as("investigator1").get(path(id, "history")));
        assertErased(owners.get(0).path("data").path("contact"));

        JsonNode asOf = ok(as("auditor").get(path(id) + "?asOf=" + submittedAt));
        assertThat(asOf.path("status").asText()).isEqualTo("SUBMITTED");
        assertErased(asOf.path("contact"));

        List<JsonNode> exported = export("/api/audit/events?requestId=" + id);
        assertThat(exported).hasSizeGreaterThan(8);
        assertThat(exported.get(0).path("data").path("contact").path("ciphertext").asText())
                .as("exported as stored: sealed").isNotEmpty();
        assertNoneOf(exported.toString(), ERASED_CONTACT, "the export");
        String csv = raw("/api/audit/events?requestId=" + id, "text/csv");
        assertNoneOf(csv, ERASED_CONTACT, "the CSV export");
    }

    private static void assertContact(JsonNode holder, Map<String, String> expected) {
        JsonNode contact = holder.has("contact") ? holder.path("contact") : holder;
        assertThat(contact.path("name").asText()).isEqualTo(expected.get("name"));
        assertThat(contact.path("email").asText()).isEqualTo(expected.get("email"));
        assertThat(contact.path("phone").asText()).isEqualTo(expected.get("phone"));
        assertThat(contact.path("erased").asBoolean()).isFalse();
        assertThat(contact.has("sealed")).as("an answer carries no sealed form").isFalse();
    }

    private static void assertErased(JsonNode contact) {
        assertThat(contact.isObject()).as("contact block %s", contact).isTrue();
        assertThat(contact.path("erased").asBoolean()).as("erased: %s", contact).isTrue();
        assertThat(contact.path("name").isNull()).isTrue();
        assertThat(contact.path("email").isNull()).isTrue();
        assertThat(contact.path("phone").isNull()).isTrue();
        assertThat(contact.has("sealed")).isFalse();
    }

    private static void assertNoneOf(String text, Map<String, String> contact, String where) {
        for (String value : contact.values()) {
            assertThat(text).as("%s holds %s", where, value).doesNotContain(value);
        }
    }

    private static Map<String, Object> withContact(String title, Map<String, String> contact) {
        Map<String, Object> body = new LinkedHashMap<>(Api.submission(title, "MONITORING"));
        body.put("contact", contact);
        return body;
    }

    private static String erasure(String userId) {
        return "/api/admin/subjects/" + userId + "/erase";
    }

    private JsonNode latestRebuild() {
        for (JsonNode processor : ok(as("admin").get("/api/admin/projections"))) {
            if (processor.path("name").asText().equals("request-view")) {
                return processor.path("rebuild");
            }
        }
        throw new AssertionError("no request-view processor");
    }

    private List<JsonNode> export(String path) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : raw(path, "application/x-ndjson").split("\n")) {
            if (!line.isBlank()) {
                lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
            }
        }
        return lines;
    }

    private String raw(String path, String accept) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    /** The whole test database as {@code pg_dump} writes it (schema and data, as plain SQL). */
    private static String pgDump() throws IOException, InterruptedException {
        URI database = URI.create(OWN_DATABASE.substring("jdbc:".length()));
        String name = database.getPath().substring(1);
        Path out = Files.createTempFile("erasure-test-dump", ".sql");
        Process dump;
        try {
            ProcessBuilder builder = new ProcessBuilder("pg_dump", "--host", database.getHost(), "--port",
                    String.valueOf(database.getPort()), "--username", "postgres", "--no-password", "--file",
                    out.toString(), name).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", "postgres");
            // binary columns (event payloads and metadata) as text where printable, so plaintext shows
            builder.environment().put("PGOPTIONS", "-c bytea_output=escape");
            dump = builder.start();
        } catch (IOException notInstalled) {
            return fail("pg_dump is not on the PATH: install the PostgreSQL client (Debian: postgresql-client)"
                    + " to run the erasure test", notInstalled);
        }
        dump.getOutputStream().close();
        String messages = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!dump.waitFor(120, TimeUnit.SECONDS) || dump.exitValue() != 0) {
            fail("pg_dump of " + name + " failed: " + messages);
        }
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
