package org.studysupport.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.studysupport.api.reference.ServiceCode;
import java.util.List;
import java.util.UUID;

public record SubmitRequest(@TargetAggregateIdentifier UUID requestId, StudyDetails study,
                            List<ServiceCode> services, ContactDetails contact) {
    public SubmitRequest {
        services = List.copyOf(services);
    }
}
