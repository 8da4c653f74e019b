package org.studysupport.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.command.privacy.ContactSealer;
import org.studysupport.command.privacy.SubjectKeys;
import org.studysupport.query.privacy.ContactOpener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The subjects' keys in {@code subject_key}, and what is done with them: sealing a contact on the
 * write side, opening it on the read side, destroying a subject's keys when the subject is erased.
 * Each key is a Tink AEAD keyset (AES-256-GCM) of its own, stored wrapped by the master key with
 * associated data naming the key and its subject; a contact's ciphertext carries associated data
 * naming its request and subject. Nothing is cached: a key destroyed on one node opens nothing on
 * any node from that moment on. Every statement runs in the caller's transaction.
 */
public class SubjectKeyVault implements ContactSealer, ContactOpener, SubjectKeys {

    private static final Logger log = LoggerFactory.getLogger(SubjectKeyVault.class);

    private final JdbcTemplate jdbc;
    private final KeysetHandle masterKeyset;
    private final Aead master;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public SubjectKeyVault(JdbcTemplate jdbc, KeysetHandle masterKeyset, ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.masterKeyset = masterKeyset;
        this.master = primitive(masterKeyset);
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** One stored key, wrapped. */
    private record StoredKey(String keyId, String subject, String wrappedKeyset) {
    }

    @Override
    public SealedContact seal(UUID requestId, String subject, ContactDetails contact) {
        StoredKey key = currentKey(subject).orElseGet(() -> newKey(subject));
        try {
            byte[] ciphertext = primitive(unwrap(key)).encrypt(json(contact),
                    SealedContact.associatedData(requestId, subject));
            return SealedContact.sealed(subject, key.keyId(), Base64.getEncoder().encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the contact of request " + requestId, e);
        }
    }

    @Override
    public Optional<ContactDetails> open(UUID requestId, SealedContact contact) {
        if (contact.legacyPlaintext()) {
            return isErased(contact.subject()) ? Optional.empty() : Optional.of(contact.plaintext());
        }
        Optional<StoredKey> key = key(contact.keyId());
        if (key.isEmpty()) {
            if (isErased(contact.subject())) {
                return Optional.empty();
            }
            throw new IllegalStateException("The key " + contact.keyId() + " of the contact of request " + requestId
                    + " does not exist, and its subject was not erased");
        }
        if (!key.get().subject().equals(contact.subject())) {
            throw new IllegalStateException("The contact of request " + requestId + " names a key of another subject");
        }
        try {
            byte[] plaintext = primitive(unwrap(key.get())).decrypt(Base64.getDecoder().decode(contact.ciphertext()),
                    SealedContact.associatedData(requestId, contact.subject()));
            return Optional.of(objectMapper.readValue(plaintext, ContactDetails.class));
        } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
            throw new IllegalStateException("The contact of request " + requestId + " does not open with its key", e);
        }
    }

    @Override
    public List<String> destroy(String subject, Instant erasedAt) {
        List<String> keyIds = jdbc.queryForList("select key_id from subject_key where subject = ? order by created_at",
                String.class, subject);
        jdbc.update("delete from subject_key where subject = ?", subject);
        if (jdbc.update("update erased_subject set erased_at = ? where subject = ?", Timestamp.from(erasedAt),
                subject) == 0) {
            jdbc.update("insert into erased_subject (subject, erased_at) values (?, ?)", subject,
                    Timestamp.from(erasedAt));
        }
        return keyIds;
    }

    /**
     * Refuses a master keyset that does not hold every master key the stored subject keys are
     * wrapped with: a node started with another installation's (or a freshly generated) master key
     * would fail on every contact it reads, and would wrap new keys that the other nodes cannot open.
     */
    public void requireMasterKeysOfStoredKeys() {
        Set<Long> held = new HashSet<>();
        for (int i = 0; i < masterKeyset.size(); i++) {
            held.add((long) masterKeyset.getAt(i).getId());
        }
        List<Long> used = jdbc.queryForList("select distinct master_key_id from subject_key", Long.class);
        List<Long> missing = used.stream().filter(id -> !held.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The privacy master keyset lacks the master keys " + missing
                    + " that wrapped stored subject keys: configure study-support.privacy.master-key-file with"
                    + " the installation's master keyset (the same file on every node; see docs/privacy.md)");
        }
    }

    /** What a re-wrap did: how many keys it wrapped again, and which it could not unwrap (left as they were). */
    public record Rewrap(int rewrapped, List<String> unreadableKeyIds) {
    }

    /**
     * Wraps again, with the master keyset's primary key, every subject key another master key wrapped:
     * the step of a master-key rotation after a new primary key was added to the keyset. A key that
     * does not unwrap is left as it is and named in the answer.
     */
    public Rewrap rewrapWithPrimary() {
        long primary = masterKeyset.getPrimary().getId();
        List<StoredKey> older = jdbc.query("select key_id, subject, wrapped_keyset from subject_key"
                        + " where master_key_id <> ?",
                (rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3)), primary);
        int rewrapped = 0;
        List<String> unreadable = new ArrayList<>();
        for (StoredKey key : older) {
            KeysetHandle keyset;
            try {
                keyset = unwrap(key);
            } catch (IllegalStateException e) {
                log.error("Subject key {} does not unwrap with the master keyset: left as it is", key.keyId());
                unreadable.add(key.keyId());
                continue;
            }
            jdbc.update("update subject_key set wrapped_keyset = ?, master_key_id = ? where key_id = ?",
                    wrap(keyset, key.keyId(), key.subject()), primary, key.keyId());
            rewrapped++;
        }
        return new Rewrap(rewrapped, unreadable);
    }

    private Optional<StoredKey> currentKey(String subject) {
        return jdbc.query("select key_id, subject, wrapped_keyset from subject_key where subject = ?"
                        + " order by created_at desc, key_id",
                (rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3)), subject)
                .stream().findFirst();
    }

    private Optional<StoredKey> key(String keyId) {
        return jdbc.query("select key_id, subject, wrapped_keyset from subject_key where key_id = ?",
                (rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3)), keyId)
                .stream().findFirst();
    }

    private StoredKey newKey(String subject) {
        try {
            String keyId = UUID.randomUUID().toString();
            String wrapped = wrap(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), keyId, subject);
            jdbc.update("insert into subject_key (key_id, subject, wrapped_keyset, master_key_id, created_at)"
                            + " values (?, ?, ?, ?, ?)", keyId, subject, wrapped, masterKeyset.getPrimary().getId(),
                    Timestamp.from(clock.instant()));
            return new StoredKey(keyId, subject, wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a key for a data subject", e);
        }
    }

    private boolean isErased(String subject) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from erased_subject where subject = ?)",
                Boolean.class, subject));
    }

    private String wrap(KeysetHandle keyset, String keyId, String subject) {
        try {
            return Base64.getEncoder().encodeToString(
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, keyAssociatedData(keyId, subject)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap the key " + keyId, e);
        }
    }

    private KeysetHandle unwrap(StoredKey key) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(Base64.getDecoder().decode(key.wrappedKeyset()), master,
                    keyAssociatedData(key.keyId(), key.subject()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key " + key.keyId() + " does not unwrap with the master key", e);
        }
    }

    /** Binds a wrapped key to its id and subject: a row's key copied into another row does not unwrap. */
    private static byte[] keyAssociatedData(String keyId, String subject) {
        return ("study-support/subject-key/v1|key=" + keyId + "|subject=" + subject).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] json(ContactDetails contact) {
        try {
            return objectMapper.writeValueAsBytes(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a contact", e);
        }
    }

    private static Aead primitive(KeysetHandle keyset) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an AEAD keyset", e);
        }
    }
}
