package org.studysupport.api.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.studysupport.api.request.Reasoned;
import java.util.UUID;

public record DeclineAssignment(@TargetAggregateIdentifier UUID requestId, UUID assignmentId, String reason)
        implements Reasoned {
}
