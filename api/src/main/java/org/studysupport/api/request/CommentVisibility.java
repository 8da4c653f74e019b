package org.studysupport.api.request;

/** INTERNAL comments are never shown to investigators. */
public enum CommentVisibility {
    PUBLIC, INTERNAL
}
