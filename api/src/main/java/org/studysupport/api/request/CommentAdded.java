package org.studysupport.api.request;

import java.util.UUID;

public record CommentAdded(UUID requestId, UUID commentId, String text, CommentVisibility visibility,
                           String author) {
}
