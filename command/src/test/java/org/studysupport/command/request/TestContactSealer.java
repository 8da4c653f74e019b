package org.studysupport.command.request;

import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.command.privacy.ContactSealer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Seals deterministically, so that fixture tests can name the event a submission stores. */
final class TestContactSealer implements ContactSealer {

    @Override
    public SealedContact seal(UUID requestId, String subject, ContactDetails contact) {
        return sealedFor(requestId, subject, contact);
    }

    static SealedContact sealedFor(UUID requestId, String subject, ContactDetails contact) {
        String text = requestId + "|" + contact.name() + "|" + contact.email() + "|" + contact.phone();
        return SealedContact.sealed(subject, "test-key-" + subject,
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
