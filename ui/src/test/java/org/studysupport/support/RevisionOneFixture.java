package org.studysupport.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code domain_event_entry} rows of one request exactly as the application stored them before
 * {@code ClarificationRequested} had a second revision ({@code fixtures/revision-1-events.json}):
 * submitted, a coordinator's question answered, accepted, MONITORING assigned to OUS and
 * acknowledged, a question of OUS staff answered. Payload and metadata are kept as the stored text.
 */
public final class RevisionOneFixture {

    public static final String REQUEST_ID = "c766c382-c1f6-4cbb-9e9d-e103f33b8c12";
    public static final String COORDINATORS_QUESTION = "bc24919a-3f4a-43bb-9bb9-e94037a4f9c5";
    public static final String HOSPITALS_QUESTION = "9ef60067-3244-4281-bb14-b2d7611c6ee4";

    /** One stored row. */
    public record Row(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                      String eventIdentifier, String payloadType, String payloadRevision, String timeStamp,
                      String payload, String metaData) {
    }

    private RevisionOneFixture() {
    }

    public static List<Row> rows() {
        try (InputStream in = RevisionOneFixture.class.getResourceAsStream("/fixtures/revision-1-events.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<Row>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> rowsOfType(String simpleName) {
        return rows().stream().filter(row -> row.payloadType().endsWith("." + simpleName)).toList();
    }

    /** Inserts the rows as stored (bytes of payload and metadata included) and moves the index sequence past them. */
    public static void insertInto(JdbcTemplate jdbc) {
        List<Row> rows = rows();
        for (Row row : rows) {
            jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                            + " event_identifier, payload_type, payload_revision, time_stamp, payload, meta_data)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(), row.type(),
                    row.eventIdentifier(), row.payloadType(), row.payloadRevision(), row.timeStamp(),
                    row.payload().getBytes(StandardCharsets.UTF_8), row.metaData().getBytes(StandardCharsets.UTF_8));
        }
        long last = rows.stream().mapToLong(Row::globalIndex).max().orElseThrow();
        jdbc.queryForObject("select setval('domain_event_global_index_seq', ?)", Long.class, last);
    }
}
