package org.studysupport.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record AskClarification(@TargetAggregateIdentifier UUID requestId, UUID clarificationId, String question) {
}
