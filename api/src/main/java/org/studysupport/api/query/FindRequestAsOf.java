package org.studysupport.api.query;

import org.studysupport.api.security.Actor;

import java.time.Instant;
import java.util.UUID;

/**
 * The request exactly as it stood at {@code asOf}, as the viewer may see it; empty if it did not
 * exist yet or the viewer may not see it.
 */
public record FindRequestAsOf(UUID requestId, Instant asOf, Actor viewer) {
}
