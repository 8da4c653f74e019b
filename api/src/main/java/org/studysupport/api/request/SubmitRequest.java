package org.studysupport.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.studysupport.api.reference.ServiceCode;
import java.util.List;
import java.util.UUID;

/**
 * Submit a request.
 *
 * @param language the investigator's language for messages sent to them ({@code nb} or {@code en}); null
 *                 for the site's default
 */
public record SubmitRequest(@TargetAggregateIdentifier UUID requestId, StudyDetails study,
                            List<ServiceCode> services, ContactDetails contact, String language) {
    public SubmitRequest {
        services = List.copyOf(services);
    }

    /** A submission without a chosen language. */
    public SubmitRequest(UUID requestId, StudyDetails study, List<ServiceCode> services, ContactDetails contact) {
        this(requestId, study, services, contact, null);
    }
}
