package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.studysupport.api.query.RebuildStatus;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.security.Actor;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds the request read tables from the log while they keep answering: request by request, the
 * request's events are read from the store and folded from nothing, and in one transaction that
 * holds the request's row lock (as every writer of it does) its rows are replaced by the result.
 * Nothing is emptied first, so a reader sees each request as before, or as rebuilt, which is the
 * same unless the tables had gone wrong. Rows of requests without events are removed at the end.
 * One rebuild runs at a time across the nodes; its progress is kept in {@code projection_rebuild}.
 */
@Component
public class RequestViewRebuild {

    public static final String READ_MODEL = "request-view";

    /** A running rebuild that has not reported for this long lost its node. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(RequestViewRebuild.class);
    private static final int CHUNK = 500;

    private final EventStore eventStore;
    private final RequestViewTables tables;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "request-view-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public RequestViewRebuild(EventStore eventStore, RequestViewTables tables, JdbcTemplate jdbc,
                              PlatformTransactionManager transactionManager) {
        this.eventStore = eventStore;
        this.tables = tables;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Starts a rebuild on this node.
     *
     * @return the rebuild started, or empty when one is running already
     */
    public Optional<RebuildStatus> start(Actor actor, String reason, String node) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.update("update projection_rebuild set running_name = null, outcome = 'ABANDONED', finished_at = ?"
                        + " where running_name = ? and touched_at < ?",
                Timestamp.from(now), READ_MODEL, Timestamp.from(now.minus(ABANDONED_AFTER)));
        try {
            jdbc.update("insert into projection_rebuild (id, name, running_name, requested_by, role, reason, node,"
                            + " requested_at, touched_at, done, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                    id, READ_MODEL, READ_MODEL, actor.id(), actor.role().name(), reason, node, Timestamp.from(now),
                    Timestamp.from(now), RebuildStatus.RUNNING);
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        log.info("Rebuild {} of {} asked for by {} ({}): {}", id, READ_MODEL, actor.id(), actor.role(), reason);
        runner.execute(() -> run(id));
        return find(id);
    }

    /** The latest rebuilds, newest first. */
    public List<RebuildStatus> latest(int limit) {
        return jdbc.query("select * from projection_rebuild where name = ? order by requested_at desc limit ?",
                this::status, READ_MODEL, limit);
    }

    public Optional<RebuildStatus> find(UUID id) {
        return jdbc.query("select * from projection_rebuild where id = ?", this::status, id).stream().findFirst();
    }

    private RebuildStatus status(ResultSet rs, int row) throws SQLException {
        Instant touchedAt = instant(rs.getTimestamp("touched_at"));
        String outcome = rs.getString("outcome");
        if (RebuildStatus.RUNNING.equals(outcome) && touchedAt.isBefore(Instant.now().minus(ABANDONED_AFTER))) {
            outcome = "ABANDONED";
        }
        return RebuildStatus.of(rs.getObject("id", UUID.class), rs.getString("name"), outcome,
                rs.getString("requested_by"), rs.getString("role"), rs.getString("reason"), rs.getString("node"),
                instant(rs.getTimestamp("requested_at")), touchedAt, instant(rs.getTimestamp("finished_at")),
                rs.getObject("total", Long.class), rs.getLong("done"), rs.getString("error"));
    }

    private void run(UUID id) {
        try {
            Long total = jdbc.queryForObject("select count(*) from domain_event_entry where sequence_number = 0"
                    + " and type = ?", Long.class, RequestEvents.AGGREGATE_TYPE);
            jdbc.update("update projection_rebuild set total = ?, touched_at = ? where id = ?", total, now(), id);
            long done = 0;
            long after = -1;
            List<Request> chunk;
            while (!(chunk = firstEvents(after)).isEmpty()) {
                for (Request request : chunk) {
                    transactions.executeWithoutResult(status -> rebuild(request.id()));
                }
                done += chunk.size();
                after = chunk.get(chunk.size() - 1).position();
                jdbc.update("update projection_rebuild set done = ?, touched_at = ? where id = ?", done, now(), id);
            }
            removeRequestsWithoutEvents();
            jdbc.update("update projection_rebuild set outcome = 'COMPLETED', running_name = null, finished_at = ?,"
                    + " touched_at = ? where id = ?", now(), now(), id);
            log.info("Rebuild {} of {} completed: {} requests", id, READ_MODEL, done);
        } catch (RuntimeException e) {
            log.error("Rebuild {} of {} failed", id, READ_MODEL, e);
            String error = String.valueOf(e.getMessage());
            jdbc.update("update projection_rebuild set outcome = 'FAILED', running_name = null, finished_at = ?,"
                            + " touched_at = ?, error = ? where id = ?", now(), now(),
                    error.substring(0, Math.min(error.length(), 2000)), id);
        }
    }

    /** A request's first event: the request, and where it stands in the log. */
    private record Request(UUID id, long position) {
    }

    private List<Request> firstEvents(long after) {
        return jdbc.query("select global_index, aggregate_identifier from domain_event_entry"
                        + " where global_index > ? and sequence_number = 0 and type = ? order by global_index limit ?",
                (rs, row) -> new Request(UUID.fromString(rs.getString(2)), rs.getLong(1)), after,
                RequestEvents.AGGREGATE_TYPE, CHUNK);
    }

    /** Folds all of a request's events from nothing and replaces its rows with the result. */
    private void rebuild(UUID requestId) {
        tables.lock(requestId);
        DomainEventStream events = eventStore.readEvents(requestId.toString(), 0);
        RequestView view = null;
        List<RequestViewTables.SequencedComment> comments = new ArrayList<>();
        List<RequestViewTables.Version> versions = new ArrayList<>();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            RequestViewStep step = RequestViewStep.of(view, event);
            if (!step.applies()) {
                throw new IllegalStateException("Event " + event.getSequenceNumber() + " of request " + requestId
                        + " does not follow version " + (view == null ? "none" : view.version()));
            }
            view = step.after();
            versions.add(step.version());
            comments.addAll(step.addedComments());
        }
        if (view != null) {
            tables.replace(view, comments, versions);
        }
    }

    private void removeRequestsWithoutEvents() {
        List<UUID> strays = jdbc.query("select r.id from request_view r where not exists (select 1 from"
                + " domain_event_entry e where e.aggregate_identifier = cast(r.id as varchar(255))"
                + " and e.sequence_number = 0)", (rs, row) -> rs.getObject(1, UUID.class));
        for (UUID stray : strays) {
            transactions.executeWithoutResult(status -> tables.remove(stray));
        }
        if (!strays.isEmpty()) {
            log.warn("Rebuild removed the rows of {} requests that have no events", strays.size());
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
