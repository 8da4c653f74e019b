package org.studysupport.api.request;

import org.axonframework.serialization.Revision;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.reference.ServiceCode;
import java.util.List;
import java.util.UUID;

/**
 * A request was submitted. Revision 2: the contact block is sealed with a key of the submitting
 * investigator (see {@link SealedContact}); revision 1 carried it in plaintext and is upcast on reading.
 *
 * @param language the investigator's language for the messages sent to them ({@code nb} or {@code en});
 *                 null when they chose none, and in events stored before it was asked (both read as
 *                 the site's default language)
 */
@Revision("2")
public record RequestSubmitted(UUID requestId, String reference, String investigatorId, StudyDetails study,
                               List<ServiceCode> services, SealedContact contact, String language) {
    public RequestSubmitted {
        services = List.copyOf(services);
    }

    /** A submission without a chosen language. */
    public RequestSubmitted(UUID requestId, String reference, String investigatorId, StudyDetails study,
                            List<ServiceCode> services, SealedContact contact) {
        this(requestId, reference, investigatorId, study, services, contact, null);
    }
}
