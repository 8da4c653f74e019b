package org.studysupport.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record AddComment(@TargetAggregateIdentifier UUID requestId, UUID commentId, String text,
                         CommentVisibility visibility) {
}
