package org.studysupport.api.privacy;

import org.studysupport.api.request.ContactDetails;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The contact block of a request as events and view documents keep it: encrypted (AEAD) with a key of
 * its data subject, the submitting user, so that destroying that key erases it everywhere at once.
 * {@code keyId} names the subject's key in the key table; {@code ciphertext} is Base64, and its
 * associated data binds it to the request and the subject, so that it cannot be moved to another.
 *
 * <p>Events written before contacts were sealed (revision 1 of {@code RequestSubmitted}) are read
 * with their plaintext in {@code plaintext} and no key: {@link #legacyPlaintext()} tells them apart.
 */
public record SealedContact(String subject, String keyId, String ciphertext, ContactDetails plaintext) {

    public SealedContact {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a sealed contact needs its data subject");
        }
        if (plaintext == null && (keyId == null || ciphertext == null)) {
            throw new IllegalArgumentException("a sealed contact needs its key id and ciphertext");
        }
    }

    public static SealedContact sealed(String subject, String keyId, String ciphertext) {
        return new SealedContact(subject, keyId, ciphertext, null);
    }

    /** A contact stored before sealing existed: as it was written, marked as not sealed. */
    public static SealedContact unsealed(String subject, ContactDetails plaintext) {
        return new SealedContact(subject, null, null, plaintext);
    }

    public boolean legacyPlaintext() {
        return plaintext != null;
    }

    /**
     * The associated data of a contact's ciphertext: the request it belongs to and its subject. A
     * ciphertext copied into another request, or claimed for another subject, does not open.
     */
    public static byte[] associatedData(UUID requestId, String subject) {
        return ("study-support/contact/v1|request=" + requestId + "|subject=" + subject)
                .getBytes(StandardCharsets.UTF_8);
    }
}
