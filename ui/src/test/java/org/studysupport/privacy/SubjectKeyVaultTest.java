package org.studysupport.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.support.EmbeddedDatabase;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealing and opening contacts with the subjects' keys on a real PostgreSQL (the V15 tables, made by
 * Flyway): what opens, and that everything else fails closed.
 */
class SubjectKeyVaultTest {

    private static final ContactDetails KARI = new ContactDetails("Kari Nordmann", "kari@example.org", "+47 22 00 00 00");
    private static final ContactDetails OLA = new ContactDetails("Ola Hansen", "ola@example.org", null);

    private static JdbcTemplate jdbc;
    private static KeysetHandle masterKeyset;
    private static SubjectKeyVault vault;

    @BeforeAll
    static void database() throws Exception {
        jdbc = newStore();
        MasterKeys.register();
        masterKeyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        vault = new SubjectKeyVault(jdbc, masterKeyset, new ObjectMapper(), Clock.systemUTC());
    }

    @Test
    void aSealedContactOpensForItsRequestAndHoldsNoPlaintext() {
        UUID request = UUID.randomUUID();
        String subject = subject();
        SealedContact sealed = vault.seal(request, subject, KARI);

        assertThat(sealed.subject()).isEqualTo(subject);
        assertThat(sealed.legacyPlaintext()).isFalse();
        String decoded = new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("Kari").doesNotContain("kari@example.org").doesNotContain("22 00 00");
        assertThat(jdbc.queryForObject("select wrapped_keyset from subject_key where key_id = ?", String.class,
                sealed.keyId())).as("stored wrapped, not as a cleartext keyset").doesNotContain("AesGcmKey");
        assertThat(vault.open(request, sealed)).contains(KARI);
    }

    @Test
    void aSubjectKeepsOneKeyForAllTheirSubmissions() {
        String subject = subject();
        SealedContact first = vault.seal(UUID.randomUUID(), subject, KARI);
        SealedContact second = vault.seal(UUID.randomUUID(), subject, OLA);
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(vault.seal(UUID.randomUUID(), subject(), KARI).keyId()).as("another subject's key")
                .isNotEqualTo(first.keyId());
    }

    @Test
    void aContactMovedToAnotherRequestDoesNotOpen() {
        SealedContact sealed = vault.seal(UUID.randomUUID(), subject(), KARI);
        assertThatThrownBy(() -> vault.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void aContactClaimedForAnotherSubjectDoesNotOpen() {
        UUID request = UUID.randomUUID();
        SealedContact sealed = vault.seal(request, subject(), KARI);
        String other = subject();
        vault.seal(UUID.randomUUID(), other, OLA);
        assertThatThrownBy(() -> vault.open(request, SealedContact.sealed(other, sealed.keyId(), sealed.ciphertext())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another subject");
    }

    @Test
    void aContactNamingAnotherKeyOrAnUnknownKeyDoesNotOpen() {
        UUID request = UUID.randomUUID();
        String subject = subject();
        SealedContact sealed = vault.seal(request, subject, KARI);
        String otherKeyOfTheSameSubject = UUID.randomUUID().toString();
        // a second key of the same subject, as a concurrent first submission would create
        jdbc.update("insert into subject_key (key_id, subject, wrapped_keyset, master_key_id, created_at)"
                        + " select ?, subject, wrapped_keyset, master_key_id, created_at from subject_key where key_id = ?",
                otherKeyOfTheSameSubject, sealed.keyId());
        assertThatThrownBy(() -> vault.open(request, SealedContact.sealed(subject, otherKeyOfTheSameSubject,
                sealed.ciphertext()))).as("a key row copied under another id does not unwrap")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.open(request, SealedContact.sealed(subject, UUID.randomUUID().toString(),
                sealed.ciphertext()))).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        UUID request = UUID.randomUUID();
        SealedContact sealed = vault.seal(request, subject(), KARI);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.open(request, SealedContact.sealed(sealed.subject(), sealed.keyId(),
                Base64.getEncoder().encodeToString(bytes)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDestroyedKeyOpensNothingAndTheNextSubmissionGetsANewKey() {
        UUID request = UUID.randomUUID();
        String subject = subject();
        String bystander = subject();
        SealedContact sealed = vault.seal(request, subject, KARI);
        UUID bystanderRequest = UUID.randomUUID();
        SealedContact kept = vault.seal(bystanderRequest, bystander, OLA);

        assertThat(vault.destroy(subject, Instant.now())).containsExactly(sealed.keyId());

        assertThat(vault.open(request, sealed)).as("erased").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from subject_key where subject = ?", Integer.class, subject))
                .isZero();
        assertThat(vault.open(bystanderRequest, kept)).contains(OLA);
        SealedContact later = vault.seal(UUID.randomUUID(), subject, OLA);
        assertThat(later.keyId()).isNotEqualTo(sealed.keyId());
        assertThat(vault.open(request, sealed)).as("the new key opens nothing old").isEmpty();
        assertThat(vault.destroy(subject, Instant.now())).containsExactly(later.keyId());
        assertThat(vault.destroy(subject, Instant.now())).isEmpty();
    }

    @Test
    void anUnsealedContactFromBeforeSealingReadsAsErasedOnceItsSubjectIs() {
        String subject = subject();
        SealedContact unsealed = SealedContact.unsealed(subject, KARI);
        assertThat(vault.open(UUID.randomUUID(), unsealed)).contains(KARI);
        vault.destroy(subject, Instant.now());
        assertThat(vault.open(UUID.randomUUID(), unsealed)).isEmpty();
    }

    @Test
    void keysWrappedByAnotherMasterKeyDoNotUnwrap() throws Exception {
        UUID request = UUID.randomUUID();
        SealedContact sealed = vault.seal(request, subject(), KARI);
        SubjectKeyVault withAnotherMasterKey = new SubjectKeyVault(jdbc,
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), new ObjectMapper(), Clock.systemUTC());
        assertThatThrownBy(() -> withAnotherMasterKey.open(request, sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master key");
    }

    @Test
    void aMasterKeysetWithoutTheKeysThatWrappedTheStoredOnesIsRefused() throws Exception {
        JdbcTemplate store = newStore();
        SubjectKeyVault installation = new SubjectKeyVault(store, masterKeyset, new ObjectMapper(), Clock.systemUTC());
        installation.requireMasterKeysOfStoredKeys();
        installation.seal(UUID.randomUUID(), subject(), KARI);
        installation.requireMasterKeysOfStoredKeys();
        SubjectKeyVault withAnotherMasterKey = new SubjectKeyVault(store,
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), new ObjectMapper(), Clock.systemUTC());
        assertThatThrownBy(withAnotherMasterKey::requireMasterKeysOfStoredKeys)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("study-support.privacy.master-key-file");
    }

    @Test
    void aRotatedMasterKeyStillOpensOldKeysAndRewrapsThemWithTheNewPrimary() throws Exception {
        UUID request = UUID.randomUUID();
        SealedContact sealed = vault.seal(request, subject(), KARI);
        KeysetHandle rotated = KeysetHandle.newBuilder(masterKeyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        SubjectKeyVault afterRotation = new SubjectKeyVault(jdbc, rotated, new ObjectMapper(), Clock.systemUTC());
        assertThat(afterRotation.open(request, sealed)).contains(KARI);

        SubjectKeyVault.Rewrap rewrap = afterRotation.rewrapWithPrimary();
        assertThat(rewrap.rewrapped()).isPositive();
        assertThat(jdbc.queryForList("select key_id from subject_key where master_key_id <> ?", String.class,
                rotated.getPrimary().getId())).as("only keys that do not unwrap are left")
                .containsExactlyInAnyOrderElementsOf(rewrap.unreadableKeyIds());
        assertThat(afterRotation.open(request, sealed)).contains(KARI);
        SubjectKeyVault newKeyOnly = new SubjectKeyVault(jdbc, KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(rotated.getPrimary().getKey()).withFixedId(rotated.getPrimary().getId())
                        .makePrimary()).build(), new ObjectMapper(), Clock.systemUTC());
        assertThat(newKeyOnly.open(request, sealed)).as("the old master key is no longer needed").contains(KARI);
    }

    /** A new database with the application's schema. */
    private static JdbcTemplate newStore() {
        String url = EmbeddedDatabase.newDatabase();
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
    }

    private static String subject() {
        return "investigator-" + UUID.randomUUID();
    }
}
