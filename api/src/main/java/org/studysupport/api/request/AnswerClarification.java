package org.studysupport.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record AnswerClarification(@TargetAggregateIdentifier UUID requestId, UUID clarificationId, String answer) {
}
