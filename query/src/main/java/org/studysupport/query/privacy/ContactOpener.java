package org.studysupport.query.privacy;

import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.ContactDetails;

import java.util.Optional;
import java.util.UUID;

/**
 * Opens a sealed contact with its subject's key. A port: the key table and the cipher live with the
 * application, which also seals on the write side. Opening fails closed: a destroyed key, or a
 * contact of a subject who was erased that was stored before sealing existed, gives empty; a
 * ciphertext that does not open with its key and associated data is an error, never a guess.
 */
public interface ContactOpener {

    /**
     * @return the contact, or empty when its subject was erased
     * @throws IllegalStateException when the ciphertext does not open (another request's, altered, unknown key)
     */
    Optional<ContactDetails> open(UUID requestId, SealedContact contact);
}
