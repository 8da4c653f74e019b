package org.studysupport.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record CompleteRequest(@TargetAggregateIdentifier UUID requestId, String outcome) implements Reasoned {
    @Override
    public String reason() {
        return outcome;
    }
}
