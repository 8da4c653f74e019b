package org.studysupport.api.query;

import org.studysupport.api.security.Actor;

import java.util.UUID;

/**
 * Every event of the request, oldest first, as the viewer may see them; empty if the request does
 * not exist or the viewer may not see it.
 */
public record FindRequestHistory(UUID requestId, Actor viewer) {
}
