package org.studysupport.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.RequestStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a realistic store straight into Axon's event table, as Axon's JPA engine would, before the
 * application starts: requests in every state, submitted from 2024 until a few days ago, each with
 * its events in the past and in order, references unique per year in submission order. Requests are
 * simulated in chunks; a chunk's events are written in time order with multi-row batched inserts.
 * Deterministic: the same seed and size give the same store.
 */
final class StoreGenerator {

    /** What was generated, for the load driver and the figures. */
    record Result(List<RequestState> requests, RequestState longRequest, long events, long lastIndex,
                  Duration writing, Instant middle, Map<RequestStatus, Integer> statuses) {
    }

    /** Rows to write, with the global index of the first; no rows: the end. */
    private record Chunk(long firstIndex, List<Row> rows) {
    }

    /** One row of {@code domain_event_entry}; payload and metadata are turned into JSON by the writers. */
    private record Row(long time, String aggregate, long sequence, String eventId, String payloadType,
                       String timeStamp, Object payload, Map<String, Object> metaData) {
    }

    private static final int CHUNK = 2_000;
    private static final int BATCH = 1_000;
    /** Writers, each with its connection: JSON and JDBC work beside the one simulating thread. */
    private static final int WRITERS = 3;
    private static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Oslo");
    private static final Instant FIRST_SUBMISSION = Instant.parse("2024-01-02T08:00:00Z");
    private static final Duration LONGEST_LIFE = Duration.ofDays(45);
    /** Axon's {@code DateTimeUtils.formatInstant}: UTC, always three fraction digits. */
    static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** As the application's (Spring Boot's) object mapper writes events: ISO dates, not numbers. */
    static final ObjectMapper EVENT_JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String INSERT = "insert into domain_event_entry (global_index, aggregate_identifier,"
            + " sequence_number, event_identifier, payload_type, payload_revision, time_stamp, type, payload,"
            + " meta_data) values (?, ?, ?, ?, ?, ?, ?, 'SupportRequest', ?, ?)";

    private final Database database;
    private final Scenarios scenarios;
    private final Random random;
    private final int requests;
    private final int longHistoryEvents;
    private final Instant now;

    StoreGenerator(Database database, Map<String, List<ServiceCode>> hospitals, int requests, int longHistoryEvents,
                   long seed, Instant now) {
        this.database = database;
        this.random = new Random(seed);
        this.scenarios = new Scenarios(random, hospitals);
        this.requests = requests;
        this.longHistoryEvents = longHistoryEvents;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    Result generate() throws SQLException, InterruptedException, ExecutionException {
        int total = requests + 1;
        int longIndex = total / 3;
        Instant lastSubmission = now.minus(Duration.ofDays(3));
        long step = Duration.between(FIRST_SUBMISSION, lastSubmission).toMillis() / total;
        Map<Integer, Integer> lastNumbers = new TreeMap<>();
        Map<RequestStatus, Integer> statuses = new EnumMap<>(RequestStatus.class);
        List<RequestState> states = new ArrayList<>(requests);
        RequestState longRequest = null;
        long events = 0;
        long firstIndex;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("select nextval('domain_event_global_index_seq')");
            rows.next();
            firstIndex = rows.getLong(1);
        }
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(WRITERS + 1);
        ExecutorService writer = Executors.newFixedThreadPool(WRITERS, r -> new Thread(r, "store-writer"));
        long started = System.nanoTime();
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writing.add(writer.submit(() -> {
                write(chunks);
                return null;
            }));
        }
        try {
            for (int from = 0; from < total; from += CHUNK) {
                List<Row> chunk = new ArrayList<>();
                for (int i = from; i < Math.min(total, from + CHUNK); i++) {
                    Instant submitted = FIRST_SUBMISSION.plusMillis(i * step + (long) (random.nextDouble() * step / 2));
                    int year = submitted.atZone(NETWORK_ZONE).getYear();
                    int number = lastNumbers.merge(year, 1, Integer::sum);
                    String reference = String.format("SR-%d-%05d", year, number);
                    SimulatedRequest request = new SimulatedRequest(uuid(), "investigator" + (1 + random.nextInt(200)),
                            this::uuid);
                    LocalDate day = submitted.atZone(NETWORK_ZONE).toLocalDate();
                    if (i == longIndex) {
                        scenarios.longHistory(request, reference, day, longHistoryEvents);
                    } else {
                        long ageDays = Duration.between(submitted, now).toDays();
                        scenarios.live(request, reference, day, scenarios.targetFor(ageDays));
                    }
                    chunk.addAll(rows(request, submitted));
                    events += request.events().size();
                    RequestState state = request.state();
                    if (i == longIndex) {
                        longRequest = state;
                    } else {
                        states.add(state);
                        statuses.merge(request.status(), 1, Integer::sum);
                    }
                }
                chunk.sort(Comparator.comparingLong(Row::time).thenComparing(Row::aggregate)
                        .thenComparingLong(Row::sequence));
                chunks.put(new Chunk(firstIndex + events - chunk.size(), chunk));
                for (Future<?> w : writing) {
                    if (w.isDone()) {
                        w.get();
                    }
                }
            }
            for (int w = 0; w < WRITERS; w++) {
                chunks.put(new Chunk(0, List.of()));
            }
            for (Future<?> w : writing) {
                w.get();
            }
        } finally {
            writer.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("select setval('domain_event_global_index_seq', " + (firstIndex + events - 1) + ")");
            // new submissions must not collide with the generated references
            try (PreparedStatement counter = connection.prepareStatement("insert into reference_counter"
                    + " (reference_year, last_number) values (?, ?) on conflict (reference_year)"
                    + " do update set last_number = greatest(reference_counter.last_number, excluded.last_number)")) {
                for (var year : lastNumbers.entrySet()) {
                    counter.setInt(1, year.getKey());
                    counter.setLong(2, year.getValue());
                    counter.addBatch();
                }
                counter.executeBatch();
            }
            statement.execute("analyze domain_event_entry");
        }
        Instant middle = middleTime(firstIndex + events / 2);
        return new Result(states, longRequest, events, firstIndex + events - 1, took, middle, statuses);
    }

    /** The request's events with time stamps: in its past, increasing, spread over at most 45 days. */
    private List<Row> rows(SimulatedRequest request, Instant submitted) {
        List<SimulatedRequest.Event> events = request.events();
        long window = Math.min(LONGEST_LIFE.toMillis(), Duration.between(submitted, now).toMillis() - 60_000);
        double[] gaps = new double[events.size() + 1];
        double sum = 0;
        for (int i = 1; i < gaps.length; i++) {
            gaps[i] = -Math.log(1 - random.nextDouble());
            sum += gaps[i];
        }
        List<Row> rows = new ArrayList<>(events.size());
        long previous = -1;
        double elapsed = 0;
        for (SimulatedRequest.Event event : events) {
            long time = submitted.toEpochMilli() + (long) (window * elapsed / sum);
            time = Math.max(time, previous + 1);
            previous = time;
            elapsed += gaps[(int) event.sequence() + 1];
            rows.add(new Row(time, request.id().toString(), event.sequence(), event.eventId().toString(),
                    payloadType(event.payload()), AXON_TIME.format(Instant.ofEpochMilli(time)),
                    event.payload(), event.metaData()));
        }
        return rows;
    }

    /** The event class the row is stored under: a submission's is the application's, written as revision 1. */
    static String payloadType(Object payload) {
        return payload instanceof RevisionOneSubmission ? RevisionOneSubmission.PAYLOAD_TYPE
                : payload.getClass().getName();
    }

    /** The payload's revision as the application's serializer stores it: its {@code @Revision}, or none. */
    static String revision(Object payload) {
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    /**
     * Writes chunks until an empty one, one transaction per chunk. Global indexes follow the chunks'
     * order, from the sequence's next value; the sequence is moved past them at the end.
     */
    private void write(BlockingQueue<Chunk> chunks) throws SQLException, InterruptedException {
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (Chunk chunk = chunks.take(); !chunk.rows().isEmpty(); chunk = chunks.take()) {
                long index = chunk.firstIndex();
                int inBatch = 0;
                for (Row row : chunk.rows()) {
                    insert.setLong(1, index++);
                    insert.setString(2, row.aggregate());
                    insert.setLong(3, row.sequence());
                    insert.setString(4, row.eventId());
                    insert.setString(5, row.payloadType());
                    insert.setString(6, revision(row.payload()));
                    insert.setString(7, row.timeStamp());
                    insert.setBytes(8, json(row.payload()));
                    insert.setBytes(9, json(row.metaData()));
                    insert.addBatch();
                    if (++inBatch == BATCH) {
                        insert.executeBatch();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    insert.executeBatch();
                }
                connection.commit();
            }
        }
    }

    private Instant middleTime(long globalIndex) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "select time_stamp from domain_event_entry where global_index >= ? order by global_index limit 1")) {
            query.setLong(1, globalIndex);
            var rows = query.executeQuery();
            return rows.next() ? Instant.parse(rows.getString(1)) : now;
        }
    }

    private byte[] json(Object value) {
        try {
            return EVENT_JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random (version 4) UUID from the seeded generator. */
    private UUID uuid() {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
