package org.studysupport.notification;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hospitals' webhook endpoints in {@code webhook_endpoint}. Secrets are stored encrypted (AEAD)
 * with the installation's privacy master keyset, with the endpoint's id as associated data: a copy
 * of the database alone yields no secret, and a secret copied to another row does not decrypt.
 * Every statement runs in the caller's transaction.
 */
public class WebhookEndpoints {

    /** An endpoint as administrators see it: never its secret. */
    public record Endpoint(UUID id, String hospital, String url, String description, Instant createdAt,
                           String createdBy, Instant removedAt, String removedBy, String removedReason) {

        public boolean removed() {
            return removedAt != null;
        }
    }

    private static final RowMapper<Endpoint> ENDPOINT = (rs, row) -> new Endpoint(rs.getObject("id", UUID.class),
            rs.getString("hospital"), rs.getString("url"), rs.getString("description"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            rs.getTimestamp("removed_at") == null ? null : rs.getTimestamp("removed_at").toInstant(),
            rs.getString("removed_by"), rs.getString("removed_reason"));
    private static final String COLUMNS = "id, hospital, url, description, created_at, created_by, removed_at,"
            + " removed_by, removed_reason";

    private final JdbcTemplate jdbc;
    private final KeysetHandle masterKeyset;
    private final Aead master;

    public WebhookEndpoints(JdbcTemplate jdbc, KeysetHandle masterKeyset) {
        this.jdbc = jdbc;
        this.masterKeyset = masterKeyset;
        try {
            this.master = masterKeyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The privacy master keyset is not an AEAD keyset", e);
        }
    }

    public Endpoint add(String hospital, String url, String description, String secret, String createdBy,
                        Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into webhook_endpoint (id, hospital, url, description, secret, master_key_id, created_at,"
                        + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?)", id, hospital, url, description,
                encrypt(id, secret), masterKeyset.getPrimary().getId(), Timestamp.from(now), createdBy);
        return new Endpoint(id, hospital, url, description, now, createdBy, null, null, null);
    }

    public List<Endpoint> all() {
        return jdbc.query("select " + COLUMNS + " from webhook_endpoint order by created_at, id", ENDPOINT);
    }

    public Optional<Endpoint> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from webhook_endpoint where id = ?", ENDPOINT, id).stream().findFirst();
    }

    /** The endpoints of a hospital that are not removed. */
    public List<Endpoint> activeOf(String hospital) {
        return jdbc.query("select " + COLUMNS + " from webhook_endpoint where hospital = ? and removed_at is null"
                + " order by created_at, id", ENDPOINT, hospital);
    }

    /** @return whether it was removed now (false when it was removed before) */
    public boolean remove(UUID id, String removedBy, String reason, Instant now) {
        return jdbc.update("update webhook_endpoint set removed_at = ?, removed_by = ?, removed_reason = ?"
                + " where id = ? and removed_at is null", Timestamp.from(now), removedBy, reason, id) == 1;
    }

    /** The endpoint's secret, decrypted. */
    public String secretOf(UUID id) {
        String stored = jdbc.queryForObject("select secret from webhook_endpoint where id = ?", String.class, id);
        try {
            return new String(master.decrypt(Base64.getDecoder().decode(stored), associatedData(id)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The secret of webhook endpoint " + id
                    + " does not decrypt with the privacy master keyset", e);
        }
    }

    private String encrypt(UUID id, String secret) {
        try {
            return Base64.getEncoder().encodeToString(master.encrypt(secret.getBytes(StandardCharsets.UTF_8),
                    associatedData(id)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    private static byte[] associatedData(UUID id) {
        return ("study-support/webhook-secret/v1|endpoint=" + id).getBytes(StandardCharsets.UTF_8);
    }
}
