package org.studysupport.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The idempotency keys of submissions, per user, in the application's database: durable, and shared
 * by every node. A key is claimed inside the transaction that stores the submission, so it exists
 * exactly when the submission does.
 */
@Component
public class IdempotencyKeys {

    /** Metadata keys under which a submission carries its idempotency key and body fingerprint. */
    public static final String KEY = "idempotencyKey";
    public static final String FINGERPRINT = "idempotencyFingerprint";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a key was first used for. */
    public record Claim(String fingerprint, UUID requestId) {
    }

    public Optional<Claim> find(String userId, String key) {
        return jdbc.query("select fingerprint, request_id from idempotency_key where user_id = ? and key_value = ?",
                (rs, row) -> new Claim(rs.getString("fingerprint"), rs.getObject("request_id", UUID.class)),
                userId, key).stream().findFirst();
    }

    /** Fails with a duplicate-key error when the key is already taken, also by a concurrent submission. */
    void claim(String userId, String key, String fingerprint, UUID requestId) {
        jdbc.update("insert into idempotency_key (user_id, key_value, fingerprint, request_id, created_at)"
                + " values (?, ?, ?, ?, ?)", userId, key, fingerprint, requestId, Timestamp.from(clock.instant()));
    }
}
