package org.studysupport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What PostgreSQL itself does on this machine, in the same run, with plain JDBC: the yardsticks the
 * application's figures are divided by.
 */
final class Baselines {

    private static final int REBUILD_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    Baselines(Database database) {
        this.database = database;
    }

    /**
     * Event-shaped rows (as {@code domain_event_entry}: global index from a sequence, unique
     * aggregate id and sequence number, ~600 bytes of JSON payload, ~200 bytes of metadata), one row
     * per transaction, from {@code threads} connections at once for {@code duration}.
     *
     * @return rows per second
     */
    double insertsPerSecond(int threads, Duration duration) throws Exception {
        database.execute("drop table if exists bench_event; drop sequence if exists bench_event_seq;"
                + " create sequence bench_event_seq;"
                + " create table bench_event (global_index bigint not null default nextval('bench_event_seq') primary key,"
                + " aggregate_identifier varchar(255) not null, sequence_number bigint not null,"
                + " event_identifier varchar(255) not null unique, payload_type varchar(255) not null,"
                + " payload_revision varchar(255), time_stamp varchar(255) not null, type varchar(255),"
                + " payload bytea not null, meta_data bytea,"
                + " unique (aggregate_identifier, sequence_number))");
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                insertUntil(deadline, rows);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        database.execute("drop table bench_event; drop sequence bench_event_seq");
        return rows.get() / seconds;
    }

    private void insertUntil(long deadline, AtomicLong rows) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("insert into bench_event (aggregate_identifier,"
                     + " sequence_number, event_identifier, payload_type, time_stamp, type, payload, meta_data)"
                     + " values (?, ?, ?, ?, ?, 'SupportRequest', ?, ?)")) {
            connection.setAutoCommit(true);
            String aggregate = UUID.randomUUID().toString();
            long sequence = 0;
            while (System.nanoTime() < deadline) {
                if (sequence == 10) {
                    aggregate = UUID.randomUUID().toString();
                    sequence = 0;
                }
                insert.setString(1, aggregate);
                insert.setLong(2, sequence++);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setString(4, "org.studysupport.api.request.CommentAdded");
                insert.setString(5, StoreGenerator.AXON_TIME.format(Instant.now()));
                insert.setBytes(6, payload(aggregate));
                insert.setBytes(7, metaData());
                insert.executeUpdate();
                rows.incrementAndGet();
            }
        }
    }

    private static byte[] payload(String aggregate) {
        String text = "Site feasibility questionnaire returned by three of five sites; the remaining two"
                + " expect to answer after their internal review board meets next month. Budget draft"
                + " sent to the sponsor for review, together with the monitoring plan and the data"
                + " management plan. " + UUID.randomUUID();
        return ("{\"requestId\":\"" + aggregate + "\",\"commentId\":\"" + UUID.randomUUID() + "\",\"text\":\""
                + text + "\",\"visibility\":\"PUBLIC\",\"author\":\"coordinator\",\"extra\":\""
                + "x".repeat(120) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] metaData() {
        String id = UUID.randomUUID().toString();
        return ("{\"traceId\":\"" + id + "\",\"correlationId\":\"" + id + "\",\"role\":\"COORDINATOR\","
                + "\"userId\":\"coordinator\",\"reason\":\"" + "r".repeat(40) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A rebuild without a framework: all events of the generated store in global order (streamed
     * with a fetch size), each payload parsed with Jackson, and a view-shaped row per request
     * upserted in batches (the last state of each request in a batch).
     *
     * @return events per second
     */
    double rawRebuildPerSecond() throws SQLException, IOException {
        database.execute("drop table if exists bench_view; create table bench_view (id uuid primary key,"
                + " reference varchar(32), status varchar(32) not null, version bigint not null,"
                + " updated_at varchar(32) not null, document text not null)");
        long events = 0;
        long started = System.nanoTime();
        try (Connection reader = database.connect(); Connection writer = database.connect();
             PreparedStatement upsert = writer.prepareStatement("insert into bench_view (id, reference, status,"
                     + " version, updated_at, document) values (?, ?, ?, ?, ?, ?) on conflict (id) do update set"
                     + " reference = coalesce(excluded.reference, bench_view.reference),"
                     + " status = coalesce(nullif(excluded.status, ''), bench_view.status),"
                     + " version = excluded.version, updated_at = excluded.updated_at, document = excluded.document"
                     + " where bench_view.version < excluded.version")) {
            reader.setAutoCommit(false);
            writer.setAutoCommit(false);
            Map<String, Object[]> batch = new LinkedHashMap<>();
            try (Statement query = reader.createStatement()) {
                query.setFetchSize(1_000);
                ResultSet rows = query.executeQuery("select aggregate_identifier, sequence_number, payload_type,"
                        + " time_stamp, payload from domain_event_entry order by global_index");
                while (rows.next()) {
                    JsonNode payload = JSON.readTree(rows.getBytes(5));
                    String type = rows.getString(3);
                    String status = statusAfter(type.substring(type.lastIndexOf('.') + 1), payload);
                    String id = rows.getString(1);
                    Object[] previous = batch.get(id);
                    if (status.isEmpty() && previous != null) {
                        status = (String) previous[2];
                    }
                    batch.put(id, new Object[]{UUID.fromString(id), payload.path("reference").asText(null), status,
                            rows.getLong(2), rows.getString(4), payload.toString()});
                    events++;
                    if (batch.size() == REBUILD_BATCH) {
                        flush(upsert, batch);
                        writer.commit();
                    }
                }
            }
            flush(upsert, batch);
            writer.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        database.execute("drop table bench_view");
        return events / seconds;
    }

    private static void flush(PreparedStatement upsert, Map<String, Object[]> batch) throws SQLException {
        for (Object[] row : batch.values()) {
            for (int i = 0; i < row.length; i++) {
                upsert.setObject(i + 1, row[i]);
            }
            upsert.addBatch();
        }
        upsert.executeBatch();
        batch.clear();
    }

    /** The request's status after an event, or "" when the event does not change it. */
    private static String statusAfter(String type, JsonNode payload) {
        return switch (type) {
            case "RequestSubmitted" -> "SUBMITTED";
            case "ClarificationRequested" -> "AWAITING_INFO";
            case "ClarificationAnswered" -> payload.path("resumedStatus").asText();
            case "RequestAccepted" -> "ACCEPTED";
            case "RequestRejected" -> "REJECTED";
            case "ServiceAssigned" -> "IN_PROGRESS";
            case "RequestCompleted" -> "COMPLETED";
            case "RequestWithdrawn" -> "WITHDRAWN";
            default -> "";
        };
    }
}
