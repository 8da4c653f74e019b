package org.studysupport.bench;

import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.StudyDetails;

import java.util.List;
import java.util.UUID;

/**
 * A submission as revision 1 of {@link RequestSubmitted} stored it: the contact in plaintext, no
 * revision. The generator writes submissions in this shape because sealing a contact takes the
 * installation's keys, which only the application holds; the application reads these rows through
 * its upcaster, as it reads the submissions stored before sealing existed. The generated contacts
 * are made-up names (see {@link Scenarios}), never personal data.
 */
record RevisionOneSubmission(UUID requestId, String reference, String investigatorId, StudyDetails study,
                             List<ServiceCode> services, ContactDetails contact) {

    /** The payload type the row is stored under: the application's event class. */
    static final String PAYLOAD_TYPE = RequestSubmitted.class.getName();

    RevisionOneSubmission {
        services = List.copyOf(services);
    }
}
