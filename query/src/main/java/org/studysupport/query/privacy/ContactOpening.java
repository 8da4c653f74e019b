package org.studysupport.query.privacy;

import org.springframework.stereotype.Component;
import org.studysupport.api.privacy.ContactView;
import org.studysupport.api.query.RequestView;

import java.util.UUID;

/**
 * Turns the sealed contact of an answer into what its reader gets: the contact, or the mark that it
 * was erased. Called on a view after it was redacted for its reader, so only readers who may see
 * the contact have it opened; stored views and events keep the sealed form only.
 */
@Component
public class ContactOpening {

    private final ContactOpener opener;

    public ContactOpening(ContactOpener opener) {
        this.opener = opener;
    }

    public RequestView open(RequestView view) {
        ContactView contact = open(view.id(), view.contact());
        return contact == view.contact() ? view : view.toBuilder().contact(contact).build();
    }

    /** @return the opened contact; null and opened contacts as they are */
    public ContactView open(UUID requestId, ContactView contact) {
        if (contact == null || contact.sealed() == null) {
            return contact;
        }
        return opener.open(requestId, contact.sealed()).map(ContactView::opened)
                .orElseGet(ContactView::erasedContact);
    }
}
