package org.studysupport.api.query;

import org.studysupport.api.request.CommentVisibility;

import java.time.Instant;
import java.util.UUID;

public record CommentView(UUID id, String text, CommentVisibility visibility, String author, Instant createdAt) {
}
