package org.studysupport.api.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.studysupport.api.reference.ServiceCode;
import java.util.UUID;

public record AssignService(@TargetAggregateIdentifier UUID requestId, UUID assignmentId, ServiceCode service,
                            String hospital, String note) {
}
