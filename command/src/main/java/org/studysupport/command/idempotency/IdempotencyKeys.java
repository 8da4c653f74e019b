package org.studysupport.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.problem.ActionNotAllowedException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The idempotency keys of submissions and actions, per user, in the application's database:
 * durable, and shared by every node. A key is claimed inside the transaction that stores the
 * command's events, so it exists exactly when they do; it also records the request's version
 * after them, so that a repeat can tell whether the read model shows the first call's change.
 */
@Component
public class IdempotencyKeys {

    /** Metadata keys under which a command carries its idempotency key and what the key is used for. */
    public static final String KEY = "idempotencyKey";
    public static final String FINGERPRINT = "idempotencyFingerprint";
    public static final String TARGET = "idempotencyTarget";
    public static final String REQUEST_ID = "idempotencyRequestId";

    /** The target of a submission; an action's target is its own path. */
    public static final String SUBMISSION = "/api/requests";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One call made with an idempotency key.
     *
     * @param key         the client's key
     * @param target      what the call does: the path it was sent to (ids in canonical form)
     * @param fingerprint a digest of the parsed body
     */
    public record Call(String key, String target, String fingerprint) {

        public Call {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        /** The metadata that makes the command claim the key when it is handled. */
        public Map<String, String> metaData(UUID requestId) {
            return Map.of(KEY, key, TARGET, target, FINGERPRINT, fingerprint, REQUEST_ID, requestId.toString());
        }
    }

    /**
     * What a key was first used for.
     *
     * @param version the request's version after the first call's events; null for submissions
     */
    public record Claim(String target, String fingerprint, UUID requestId, Long version) {

        /** Refuses a call that uses the key for another action or with another body. */
        public void requireSame(Call call) {
            if (!target.equals(call.target())) {
                throw new ActionNotAllowedException("This Idempotency-Key was already used for another action.");
            }
            if (!fingerprint.equals(call.fingerprint())) {
                throw new ActionNotAllowedException(
                        "This Idempotency-Key was already used for the same action with another body.");
            }
        }
    }

    public Optional<Claim> find(String userId, String key) {
        return jdbc.query("select target, fingerprint, request_id, version from idempotency_key"
                        + " where user_id = ? and key_value = ?",
                (rs, row) -> new Claim(rs.getString("target"), rs.getString("fingerprint"),
                        rs.getObject("request_id", UUID.class), rs.getObject("version", Long.class)),
                userId, key).stream().findFirst();
    }

    /**
     * Fails with a duplicate-key error when the key is already taken, also by a concurrent call: the
     * row of an uncommitted call holds this insert until that call's transaction ends.
     */
    void claim(String userId, Call call, UUID requestId) {
        jdbc.update("insert into idempotency_key (user_id, key_value, target, fingerprint, request_id, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)", userId, call.key(), call.target(), call.fingerprint(),
                requestId, Timestamp.from(clock.instant()));
    }

    /** Records the request's version after the claiming call's events, in the same transaction. */
    void recordVersion(String userId, String key, long version) {
        jdbc.update("update idempotency_key set version = ? where user_id = ? and key_value = ?", version, userId, key);
    }

    /**
     * Forgets the keys claimed before the given moment: a retry with such a key is a new call.
     *
     * @return how many keys were forgotten
     */
    public int forgetClaimedBefore(Instant moment) {
        return jdbc.update("delete from idempotency_key where created_at < ?", Timestamp.from(moment));
    }
}
