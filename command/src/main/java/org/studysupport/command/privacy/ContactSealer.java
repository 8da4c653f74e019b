package org.studysupport.command.privacy;

import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.ContactDetails;

import java.util.UUID;

/**
 * Seals a request's contact block with a key of its data subject before the contact goes into an
 * event, so that no stored event holds it in plaintext. A port: the key table and the cipher live
 * with the application, which shares them with the read side that opens what is sealed here.
 */
public interface ContactSealer {

    /** Seals with the subject's current key, creating one (with a new id) when the subject has none. */
    SealedContact seal(UUID requestId, String subject, ContactDetails contact);
}
