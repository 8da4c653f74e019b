package org.studysupport.api.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A breached clock put the request before the coordinators: it stands in the triage queue, shown
 * as escalated, until a coordinator acts on it.
 *
 * @param hospital the hospital of the breached clock's assignment; null for triage
 */
public record RequestEscalated(UUID requestId, Clock clock, UUID assignmentId, String hospital, Instant dueAt) {
}
