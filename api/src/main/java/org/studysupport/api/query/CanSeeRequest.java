package org.studysupport.api.query;

import org.studysupport.api.security.Actor;

import java.util.UUID;

/** Whether the request exists and the viewer may see it: cheaper than reading it whole. */
public record CanSeeRequest(UUID requestId, Actor viewer) {
}
