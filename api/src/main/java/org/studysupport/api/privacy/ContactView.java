package org.studysupport.api.privacy;

import org.studysupport.api.Nullable;
import org.studysupport.api.request.ContactDetails;

/**
 * The contact block of a request view. Stored in the view document as {@code sealed} only (no
 * plaintext); opened for a reader who may see it into {@code name}, {@code email} and {@code phone};
 * after the subject was erased, all three are null and {@code erased} is true.
 */
public record ContactView(@Nullable String name, @Nullable String email, @Nullable String phone, boolean erased, SealedContact sealed) {

    /** The contact as a stored view keeps it; null for a request without one. */
    public static ContactView of(SealedContact sealed) {
        return sealed == null ? null : new ContactView(null, null, null, false, sealed);
    }

    public static ContactView opened(ContactDetails contact) {
        return new ContactView(contact.name(), contact.email(), contact.phone(), false, null);
    }

    public static ContactView erasedContact() {
        return new ContactView(null, null, null, true, null);
    }
}
