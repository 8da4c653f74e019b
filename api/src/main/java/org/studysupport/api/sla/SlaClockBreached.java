package org.studysupport.api.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A running clock reached its due time. It goes on running (as BREACHED) until what it measures
 * happens; {@link RequestEscalated} follows.
 */
public record SlaClockBreached(UUID requestId, Clock clock, UUID assignmentId, Instant dueAt) {
}
