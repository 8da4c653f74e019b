package org.studysupport.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.PostgresApiTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What Axon's tables look like on PostgreSQL: gap-free global index, bytea columns, JSON payloads. */
class EventStoreSchemaTest extends PostgresApiTest {

    private static final List<String> AXON_TABLES = List.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "dead_letter_entry");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void globalIndexOfABurstOfCommandsIsContiguousAndComesFromTheIncrementOneSequence() {
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);

        for (int i = 0; i < 5; i++) {
            String id = submit("Global index burst " + i, "MONITORING", "BIOSTATISTICS");
            as("coordinator").post("/api/requests/" + id + "/accept", Map.of("priority", "NORMAL"));
            as("coordinator").post("/api/requests/" + id + "/comments",
                    Map.of("text", "Burst comment " + i, "visibility", "INTERNAL"));
        }

        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where global_index > ? order by global_index",
                Long.class, before);
        // per request: submitted and its triage clock started, accepted and the clock stopped, a comment
        assertThat(indexes).hasSize(25);
        assertThat(indexes.get(0)).isEqualTo(before + 1);
        assertThat(indexes.get(indexes.size() - 1) - indexes.get(0) + 1).isEqualTo(indexes.size());

        assertThat(jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_global_index_seq'",
                Long.class)).isEqualTo(1);
        // Hibernate draws the index from that very sequence: its last value is the newest event's index.
        assertThat(jdbc.queryForObject("select last_value from domain_event_global_index_seq", Long.class))
                .isEqualTo(indexes.get(indexes.size() - 1));
    }

    @Test
    void axonBinaryColumnsAreByteaAndNoLargeObjectsAreUsed() {
        submit("Bytea check", "REGULATORY");

        List<Map<String, Object>> binaryColumns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public'
                  and column_name in ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')
                order by table_name, column_name""");
        List<String> described = new ArrayList<>();
        binaryColumns.forEach(c -> described.add(c.get("table_name") + "." + c.get("column_name") + ":" + c.get("data_type")));
        assertThat(described).containsExactlyInAnyOrder(
                "dead_letter_entry.diagnostics:bytea", "dead_letter_entry.meta_data:bytea",
                "dead_letter_entry.payload:bytea", "dead_letter_entry.token:bytea",
                "domain_event_entry.meta_data:bytea", "domain_event_entry.payload:bytea",
                "saga_entry.serialized_saga:bytea",
                "snapshot_event_entry.meta_data:bytea", "snapshot_event_entry.payload:bytea",
                "token_entry.token:bytea");
        assertThat(AXON_TABLES).allSatisfy(table -> assertThat(jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_schema = 'public' and table_name = ?",
                Long.class, table)).as(table).isEqualTo(1));

        assertThat(jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and (data_type = 'oid' or udt_name in ('oid', 'lo'))""", String.class))
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void storedPayloadsMetadataAndTokensAreJacksonJson() throws Exception {
        String id = submit("JSON payload check", "DATA_MANAGEMENT");

        Map<String, Object> stored = jdbc.queryForMap("""
                select payload_type, payload, meta_data from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", id);
        assertThat(stored.get("payload_type")).isEqualTo("org.studysupport.api.request.RequestSubmitted");
        String payload = new String((byte[]) stored.get("payload"), StandardCharsets.UTF_8);
        assertThat(payload).startsWith("{");
        JsonNode json = new ObjectMapper().readTree(payload);
        assertThat(json.path("requestId").asText()).isEqualTo(id);
        assertThat(json.path("reference").asText()).matches("SR-\\d{4}-\\d{5}");
        assertThat(json.path("study").path("title").asText()).isEqualTo("JSON payload check");

        String metaData = new String((byte[]) stored.get("meta_data"), StandardCharsets.UTF_8);
        assertThat(metaData).startsWith("{");
        assertThat(new ObjectMapper().readTree(metaData).isObject()).isTrue();

        String storedTokens = "select token from token_entry where token is not null";
        await().atMost(Duration.ofSeconds(10)).until(() -> !jdbc.queryForList(storedTokens, byte[].class).isEmpty());
        List<byte[]> tokens = jdbc.queryForList(storedTokens, byte[].class);
        assertThat(tokens).isNotEmpty()
                .allSatisfy(token -> assertThat(new String(token, StandardCharsets.UTF_8)).startsWith("{"));
    }
}
