package org.studysupport.api.request;

import org.studysupport.api.reference.ServiceCode;
import java.util.List;
import java.util.UUID;

public record RequestSubmitted(UUID requestId, String reference, String investigatorId, StudyDetails study,
                               List<ServiceCode> services, ContactDetails contact) {
    public RequestSubmitted {
        services = List.copyOf(services);
    }
}
