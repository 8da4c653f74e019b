package org.studysupport.api.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record AcknowledgeAssignment(@TargetAggregateIdentifier UUID requestId, UUID assignmentId) {
}
