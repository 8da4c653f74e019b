package org.studysupport.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.audit.ExportVerifier;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.ApiTest;
import org.studysupport.support.ProblemAssert;
import org.studysupport.support.Workflow;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain over the stored log: {@code GET /api/audit/verify} is true on an untouched log and
 * names the first event changed, removed or inserted behind the application's back; anchors and
 * signed checkpoints pin a head, and the offline verifier checks an export against one. Its own
 * database, since these tests tamper with the store (and put every change back); its context is
 * closed when done, as a second context left open slows the test JVM's exit.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditChainIntegrityTest extends ApiTest {

    private static final String OWN_DATABASE = EmbeddedDatabase.newDatabase();

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, OWN_DATABASE);
    }

    @BeforeEach
    void aFewRequests() {
        Workflow flow = new Workflow(port);
        String id = accepted(unique("Chained"), "MONITORING");
        flow.decline(id, assign(id, "MONITORING", "OUS"), "OUS");
        ok(as("coordinator").post(path(id, "comments"), Map.of("text", "A remark", "visibility", "PUBLIC")));
        submit(unique("Chained too"), "BIOSTATISTICS");
    }

    @Test
    void anUntouchedLogVerifiesUpToItsHead() {
        JsonNode answer = verify("");

        assertThat(answer.path("verified").asBoolean()).as("%s", answer).isTrue();
        assertThat(answer.path("events").asLong()).isEqualTo(count("select count(*) from domain_event_entry"));
        assertThat(answer.path("head").asText())
                .isEqualTo(jdbc.queryForObject("select hash from audit_chain_head", String.class));
        assertThat(answer.path("headPosition").asLong())
                .isEqualTo(count("select max(global_index) from domain_event_entry"));
        assertThat(answer.path("unchained").asLong()).isZero();
        assertThat(answer.path("checkedAt").asText()).isNotBlank();
        assertThat(count("select count(*) from audit_chain")).isEqualTo(answer.path("events").asLong());
    }

    @Test
    void aPayloadChangedInTheDatabaseIsReportedAsAlteredAtItsPosition() {
        long position = count("select max(global_index) from domain_event_entry"
                + " where payload_type like '%.CommentAdded'");
        byte[] original = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?",
                byte[].class, position);
        String edited = new String(original, StandardCharsets.UTF_8).replace("A remark", "A changed remark");
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                edited.getBytes(StandardCharsets.UTF_8), position);
        try {
            JsonNode answer = verify("");

            assertThat(answer.path("verified").asBoolean()).isFalse();
            assertFailure(answer, "ALTERED", position);

            jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                    "no longer JSON,\n\"on two lines".getBytes(StandardCharsets.UTF_8), position);
            assertFailure(verify(""), "ALTERED", position);
            List<JsonNode> lines = RawAnswer.get(port, "auditor", "/api/audit/events", null).lines();
            assertThat(lines).as("every export line stays one JSON object").anySatisfy(line ->
                    assertThat(line.path("data").asText()).isEqualTo("no longer JSON,\n\"on two lines"));
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, position);
        }
        assertThat(verify("").path("verified").asBoolean()).as("verified again once restored").isTrue();
    }

    @Test
    void aDeletedEventIsReportedAsRemovedAndAnEventDeletedWithItsLinkToo() {
        long position = count("select max(global_index) from domain_event_entry"
                + " where payload_type like '%.RequestAccepted'");
        Map<String, Object> event = jdbc.queryForMap("select * from domain_event_entry where global_index = ?", position);
        Map<String, Object> link = jdbc.queryForMap("select * from audit_chain where global_index = ?", position);
        jdbc.update("delete from domain_event_entry where global_index = ?", position);
        try {
            assertFailure(verify(""), "REMOVED", position);
            jdbc.update("delete from audit_chain where global_index = ?", position);
            long next = count("select min(global_index) from audit_chain where global_index > " + position);
            assertFailure(verify(""), "REMOVED", next);
        } finally {
            insert("domain_event_entry", event);
            if (count("select count(*) from audit_chain where global_index = " + position) == 0) {
                insert("audit_chain", link);
            }
        }
        assertThat(verify("").path("verified").asBoolean()).isTrue();
    }

    @Test
    void anEventInsertedInTheDatabaseIsReportedAsInsertedAndUnchained() {
        long position = insertedCopyOfTheLastEvent("2020-01-01T10:00:00.000Z");
        try {
            JsonNode answer = verify("");

            assertFailure(answer, "INSERTED", position);
            assertThat(answer.path("unchained").asLong()).isEqualTo(1);
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = ?", position);
        }
    }

    @Test
    void anAnchorVerifiesOnlyWhenTheLogStillHoldsThatHead() {
        JsonNode checkpoint = ok(as("auditor").get("/api/audit/checkpoint"));
        String anchor = checkpoint.path("position").asLong() + ":" + checkpoint.path("head").asText();
        submit(unique("After the anchor"), "MONITORING");

        JsonNode good = verify("?anchor=" + anchor);
        JsonNode wrongHash = verify("?anchor=" + checkpoint.path("position").asLong() + ":" + "a".repeat(64));
        JsonNode unknownPosition = verify("?anchor=" + (checkpoint.path("position").asLong() + 100_000) + ":"
                + checkpoint.path("head").asText());

        assertThat(good.path("verified").asBoolean()).as("%s", good).isTrue();
        assertThat(good.path("headPosition").asLong()).isGreaterThan(checkpoint.path("position").asLong());
        assertFailure(wrongHash, "ANCHOR_MISMATCH", checkpoint.path("position").asLong());
        assertFailure(unknownPosition, "ANCHOR_MISMATCH", checkpoint.path("position").asLong() + 100_000);
        ProblemAssert.assertInvalidField(as("auditor").get("/api/audit/verify?anchor=" + anchor.toUpperCase()),
                "anchor");
    }

    @Test
    void wholeSecondBoundsOfAPeriodMatchEventsStoredAtThatMillisecond() {
        long atTen = insertedCopyOfTheLastEvent("2020-01-01T10:00:00.000Z");
        long beforeEleven = insertedCopyOfTheLastEvent("2020-01-01T10:59:59.999Z");
        long atEleven = insertedCopyOfTheLastEvent("2020-01-01T11:00:00.000Z");
        try {
            assertThat(positions("?from=2020-01-01T10:00:00Z&to=2020-01-01T11:00:00Z"))
                    .containsExactly(atTen, beforeEleven);
            assertThat(positions("?from=2020-01-01T11:00:00%2B01:00&to=2020-01-01T11:00:00.001Z"))
                    .as("an offset is converted to UTC").containsExactly(atTen, beforeEleven, atEleven);
            assertThat(positions("?from=2020-01-01T10:59:59.999Z&to=2020-01-01T12:00:00Z"))
                    .containsExactly(beforeEleven, atEleven);
        } finally {
            jdbc.update("delete from domain_event_entry where global_index in (?, ?, ?)", atTen, beforeEleven, atEleven);
        }
    }

    @Test
    void aCheckpointIsVerifiedOfflineAndRefusedForAnEditedExportOrAnotherKey(@TempDir Path files) throws Exception {
        Path export = files.resolve("export.ndjson");
        Path checkpoint = files.resolve("checkpoint.json");
        Path publicKey = files.resolve("public-key.jwk");
        Files.writeString(checkpoint, as("auditor").get("/api/audit/checkpoint").body().toString());
        Files.writeString(publicKey, as("auditor").get("/api/audit/public-key").body().toString());
        Files.writeString(export, RawAnswer.get(port, "auditor", "/api/audit/events", null).body());

        Run verified = offline(export.toString(), "--checkpoint", checkpoint.toString(), "--public-key",
                publicKey.toString());
        Run keyNotSupplied = offline(export.toString(), "--checkpoint", checkpoint.toString());
        Run chainOnly = offline(export.toString());

        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("signature valid", "Result: VERIFIED");
        assertThat(keyNotSupplied.exitCode()).as(keyNotSupplied.output()).isZero();
        assertThat(keyNotSupplied.output()).contains("not independently supplied");
        assertThat(chainOnly.exitCode()).as(chainOnly.output()).isZero();

        List<String> lines = Files.readAllLines(export);
        int edited = lines.size() / 2;
        Path editedExport = files.resolve("edited.ndjson");
        lines.set(edited, lines.get(edited).replaceFirst("\"sequence\":(\\d+)", "\"sequence\":9$1"));
        Files.write(editedExport, lines);
        Run refused = offline(editedExport.toString(), "--checkpoint", checkpoint.toString(), "--public-key",
                publicKey.toString());
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("line " + (edited + 1), "ALTERED", "Result: NOT VERIFIED");

        Path otherKey = files.resolve("other-key.jwk");
        Files.writeString(otherKey, new ECKeyGenerator(Curve.P_256).keyID("other").generate().toPublicJWK()
                .toJSONString());
        Run wrongKey = offline(export.toString(), "--checkpoint", checkpoint.toString(), "--public-key",
                otherKey.toString());
        assertThat(wrongKey.exitCode()).as(wrongKey.output()).isEqualTo(1);
        assertThat(wrongKey.output()).contains("signature does not verify");

        assertThat(offline().exitCode()).as("no export named: a usage error").isEqualTo(2);
        assertThat(offline(export.toString(), "--checkpoint").exitCode()).isEqualTo(2);
    }

    @Test
    void anExportWithoutItsFirstEventsDoesNotReachACheckpointOffline(@TempDir Path files) throws Exception {
        Path checkpoint = files.resolve("checkpoint.json");
        Files.writeString(checkpoint, as("auditor").get("/api/audit/checkpoint").body().toString());
        List<String> lines = RawAnswer.get(port, "auditor", "/api/audit/events", null).body().lines().toList();
        Path partial = files.resolve("partial.ndjson");
        Files.write(partial, lines.subList(1, lines.size()));

        Run withCheckpoint = offline(partial.toString(), "--checkpoint", checkpoint.toString());
        Run alone = offline(partial.toString());

        assertThat(withCheckpoint.exitCode()).as(withCheckpoint.output()).isEqualTo(1);
        assertThat(withCheckpoint.output()).contains("is not complete in this export");
        assertThat(alone.exitCode()).as("lines individually intact: %s", alone.output()).isZero();
        assertThat(alone.output()).contains("does not start at the first event", "do not follow the line before them");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run offline(String... arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = ExportVerifier.run(arguments, new PrintStream(output, true, StandardCharsets.UTF_8));
        return new Run(exitCode, output.toString(StandardCharsets.UTF_8));
    }

    private JsonNode verify(String query) {
        return ok(as("auditor").get("/api/audit/verify" + query));
    }

    private static void assertFailure(JsonNode answer, String problem, long position) {
        assertThat(answer.path("verified").asBoolean()).as("%s", answer).isFalse();
        assertThat(answer.path("failure").path("problem").asText()).as("%s", answer).isEqualTo(problem);
        assertThat(answer.path("failure").path("position").asLong()).as("%s", answer).isEqualTo(position);
        assertThat(answer.path("failure").path("detail").asText()).isNotBlank();
    }

    private List<Long> positions(String query) {
        return RawAnswer.get(port, "auditor", "/api/audit/events" + query, null).lines().stream()
                .map(line -> line.path("position").asLong()).toList();
    }

    /** A copy of the last stored event under a new id, written by SQL at the given stored time. */
    private long insertedCopyOfTheLastEvent(String timeStamp) {
        long position = count("select nextval('domain_event_global_index_seq')");
        jdbc.update("insert into domain_event_entry (global_index, sequence_number, aggregate_identifier,"
                + " event_identifier, payload_revision, payload_type, time_stamp, type, meta_data, payload)"
                + " select ?, 1, ?, ?, payload_revision, payload_type, ?, type, meta_data, payload"
                + " from domain_event_entry where global_index = (select max(global_index) from audit_chain)",
                position, UUID.randomUUID().toString(), UUID.randomUUID().toString(), timeStamp);
        return position;
    }

    private void insert(String table, Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String placeholders = String.join(", ", row.keySet().stream().map(column -> "?").toList());
        jdbc.update("insert into " + table + " (" + columns + ") values (" + placeholders + ")",
                row.values().toArray());
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }
}
