package org.studysupport.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record AcceptRequest(@TargetAggregateIdentifier UUID requestId, Priority priority, String note) {
}
