package org.studysupport.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox tables ({@code notification_message}, {@code notification_attempt}): messages written
 * by the notifications processor in its own transaction, claimed by the dispatchers of every node,
 * and each attempt to deliver one. Every statement runs in the caller's transaction.
 *
 * <p>A claim is a lease: a node that claimed a message sets {@code claimed_until}; no other node
 * claims it before that time has passed. On PostgreSQL the candidates are selected
 * {@code FOR UPDATE SKIP LOCKED}, so two nodes claiming at once never wait for each other nor take
 * the same rows; the claim's own condition (unclaimed or lease expired) makes it exclusive on H2 too.
 */
public class Outbox {

    /** A claimed message, with what its sender needs. */
    public record Claimed(UUID id, String eventType, UUID requestId, Channel channel, String recipient,
                          UUID endpointId, String subject, String body, String sealedContact, Instant occurredAt,
                          int attempts, Instant firstAttemptAt) {
    }

    /** One attempt to deliver a message. */
    public record Attempt(int attempt, Instant attemptedAt, String node, String outcome, Integer httpStatus,
                          String error, long durationMillis) {
    }

    /** A message as its delivery log shows it. */
    public record Logged(UUID id, String eventType, UUID requestId, Channel channel, UUID endpointId,
                         MessageStatus status, Instant createdAt, Instant nextAttemptAt, Instant finishedAt,
                         Instant resentAt, String resentBy, List<Attempt> attempts) {
    }

    private static final int ERROR_MAX = 1000;
    /** Candidates looked at per free sending slot: some are skipped as their recipient is busy. */
    private static final int CANDIDATES_PER_SLOT = 4;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public Outbox(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /** Adds the message unless a message of that id is stored already; @return whether it was added. */
    public boolean add(OutboxMessage message, Instant now) {
        String sql = "insert into notification_message (id, event_id, event_type, occurred_at, request_id, channel,"
                + " recipient, endpoint_id, language, subject, body, sealed_contact, status, attempts, created_at,"
                + " next_attempt_at) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?"
                + " where not exists (select 1 from notification_message where id = ?)"
                + (postgres ? " on conflict (id) do nothing" : "");
        return jdbc.update(sql, message.id(), message.eventId(), message.eventType(),
                Timestamp.from(message.occurredAt()), message.requestId(), message.channel().name(),
                message.recipient(), message.endpointId(), message.language(), message.subject(), message.body(),
                message.sealedContact(), Timestamp.from(now), Timestamp.from(now), message.id()) == 1;
    }

    /**
     * Claims up to {@code max} due messages of the given channels for this node until
     * {@code now + lease}, at most one per recipient, and none of a recipient whose earlier message
     * is being sent (by any node): a slow receiver holds one sending slot, never all of them.
     */
    public List<Claimed> claim(String node, int max, Instant now, Duration lease, Set<Channel> channels) {
        if (max <= 0 || channels.isEmpty()) {
            return List.of();
        }
        String channelList = channels.stream().map(c -> "'" + c.name() + "'").sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        Timestamp at = Timestamp.from(now);
        List<Object[]> candidates = jdbc.query("select id, recipient from notification_message m"
                        + " where status = 'PENDING' and channel in (" + channelList + ") and next_attempt_at <= ?"
                        + " and (claimed_until is null or claimed_until < ?)"
                        + " and not exists (select 1 from notification_message busy where busy.recipient = m.recipient"
                        + " and busy.status = 'PENDING' and busy.claimed_until >= ?)"
                        + " order by next_attempt_at, id fetch first " + (max * CANDIDATES_PER_SLOT) + " rows only"
                        + (postgres ? " for update skip locked" : " for update"),
                (rs, row) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}, at, at, at);
        Set<String> recipients = new HashSet<>();
        List<UUID> chosen = new ArrayList<>();
        for (Object[] candidate : candidates) {
            if (chosen.size() < max && recipients.add((String) candidate[1])) {
                chosen.add((UUID) candidate[0]);
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        Timestamp until = Timestamp.from(now.plus(lease));
        for (UUID id : chosen) {
            if (jdbc.update("update notification_message set claimed_until = ?, claimed_by = ? where id = ?"
                    + " and status = 'PENDING' and (claimed_until is null or claimed_until < ?)", until, node, id, at) == 1) {
                claimed.add(jdbc.queryForObject("select id, event_type, request_id, channel, recipient, endpoint_id,"
                        + " subject, body, sealed_contact, occurred_at, attempts, first_attempt_at"
                        + " from notification_message where id = ?", CLAIMED, id));
            }
        }
        return claimed;
    }

    /**
     * Records an attempt and what follows from it, if this node still holds the claim.
     *
     * @param status      the message's status after the attempt
     * @param nextAttempt when it is due again (PENDING only)
     */
    public void recordAttempt(Claimed message, String node, Instant attemptedAt, Attempt attempt, MessageStatus status,
                              Instant nextAttempt) {
        jdbc.update("insert into notification_attempt (message_id, attempt, attempted_at, node, outcome, http_status,"
                        + " error, duration_ms) values (?, ?, ?, ?, ?, ?, ?, ?)", message.id(), attempt.attempt(),
                Timestamp.from(attemptedAt), node, attempt.outcome(), attempt.httpStatus(),
                truncate(attempt.error()), attempt.durationMillis());
        Instant finished = status == MessageStatus.PENDING ? null : attemptedAt;
        jdbc.update("update notification_message set status = ?, attempts = ?, first_attempt_at = coalesce(first_attempt_at, ?),"
                        + " next_attempt_at = ?, finished_at = ?, claimed_until = null, claimed_by = null"
                        + " where id = ? and claimed_by = ?", status.name(), attempt.attempt(), Timestamp.from(attemptedAt),
                Timestamp.from(nextAttempt == null ? attemptedAt : nextAttempt),
                finished == null ? null : Timestamp.from(finished), message.id(), node);
    }

    /** Gives back this node's claims on messages not sent (the node is stopping): due again at once. */
    public int releaseClaims(String node) {
        return jdbc.update("update notification_message set claimed_until = null, claimed_by = null"
                + " where claimed_by = ? and status = 'PENDING'", node);
    }

    /** A page of an endpoint's messages, newest first. */
    public List<Logged> ofEndpoint(UUID endpointId, int page, int size) {
        List<Logged> messages = jdbc.query("select id, event_type, request_id, channel, endpoint_id, status, created_at,"
                        + " next_attempt_at, finished_at, resent_at, resent_by from notification_message where endpoint_id = ?"
                        + " order by created_at desc, id desc offset " + ((long) page * size) + " rows fetch next "
                        + size + " rows only",
                (rs, row) -> logged(rs, List.of()), endpointId);
        List<Logged> withAttempts = new ArrayList<>(messages.size());
        for (Logged message : messages) {
            withAttempts.add(new Logged(message.id(), message.eventType(), message.requestId(), message.channel(),
                    message.endpointId(), message.status(), message.createdAt(), message.nextAttemptAt(),
                    message.finishedAt(), message.resentAt(), message.resentBy(), attempts(message.id())));
        }
        return withAttempts;
    }

    public long countOfEndpoint(UUID endpointId) {
        Long count = jdbc.queryForObject("select count(*) from notification_message where endpoint_id = ?", Long.class,
                endpointId);
        return count == null ? 0 : count;
    }

    public Optional<Logged> find(UUID messageId) {
        return jdbc.query("select id, event_type, request_id, channel, endpoint_id, status, created_at, next_attempt_at,"
                        + " finished_at, resent_at, resent_by from notification_message where id = ?",
                (rs, row) -> logged(rs, attempts(messageId)), messageId).stream().findFirst();
    }

    /** Makes a message due again at once, with a new 24-hour window, recording who asked for it and when. */
    public void resend(UUID messageId, String actor, Instant now) {
        jdbc.update("update notification_message set status = 'PENDING', next_attempt_at = ?, first_attempt_at = null,"
                        + " finished_at = null, resent_at = ?, resent_by = ? where id = ?", Timestamp.from(now),
                Timestamp.from(now), actor, messageId);
    }

    /** Drops the endpoint's messages not yet sent and not being sent: the endpoint was removed. */
    public int dropPendingOfEndpoint(UUID endpointId, Instant now) {
        return jdbc.update("update notification_message set status = 'DROPPED', finished_at = ?"
                + " where endpoint_id = ? and status = 'PENDING' and (claimed_until is null or claimed_until < ?)",
                Timestamp.from(now), endpointId, Timestamp.from(now));
    }

    private List<Attempt> attempts(UUID messageId) {
        return Collections.unmodifiableList(jdbc.query("select attempt, attempted_at, node, outcome, http_status, error,"
                        + " duration_ms from notification_attempt where message_id = ? order by attempt",
                (rs, row) -> new Attempt(rs.getInt(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getLong(7)), messageId));
    }

    private static Logged logged(ResultSet rs, List<Attempt> attempts) throws SQLException {
        return new Logged(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                Channel.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), MessageStatus.valueOf(rs.getString(6)),
                instant(rs, 7), "PENDING".equals(rs.getString(6)) ? instant(rs, 8) : null, instant(rs, 9),
                instant(rs, 10), rs.getString(11), attempts);
    }

    private static final RowMapper<Claimed> CLAIMED = (rs, row) -> new Claimed(rs.getObject(1, UUID.class),
            rs.getString(2), rs.getObject(3, UUID.class), Channel.valueOf(rs.getString(4)), rs.getString(5),
            rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9), instant(rs, 10),
            rs.getInt(11), instant(rs, 12));

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
    }
}
