package org.studysupport.api.query;

import org.studysupport.api.security.Actor;

import java.util.UUID;

/** The request as the viewer may see it; empty if it does not exist or the viewer may not see it. */
public record FindRequest(UUID requestId, Actor viewer) {
}
