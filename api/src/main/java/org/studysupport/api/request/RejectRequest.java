package org.studysupport.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record RejectRequest(@TargetAggregateIdentifier UUID requestId, String reason) implements Reasoned {
}
