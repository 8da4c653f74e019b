package org.studysupport.api.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.studysupport.api.request.Reasoned;
import java.util.UUID;

public record ReassignAssignment(@TargetAggregateIdentifier UUID requestId, UUID assignmentId,
                                 UUID newAssignmentId, String hospital, String reason) implements Reasoned {
}
