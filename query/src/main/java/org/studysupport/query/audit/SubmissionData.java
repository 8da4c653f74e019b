package org.studysupport.query.audit;

import org.studysupport.api.privacy.ContactView;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.StudyDetails;

import java.util.List;
import java.util.UUID;

/**
 * The data of a {@code RequestSubmitted} entry of a request's history: the event's fields, with its
 * sealed contact replaced by what the reader may see of it (opened, erased, or null when hidden).
 */
public record SubmissionData(UUID requestId, String reference, String investigatorId, StudyDetails study,
                             List<ServiceCode> services, ContactView contact) {

    static SubmissionData of(RequestSubmitted event, ContactView contact) {
        return new SubmissionData(event.requestId(), event.reference(), event.investigatorId(), event.study(),
                event.services(), contact);
    }
}
