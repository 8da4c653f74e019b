package org.studysupport.api.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A clock stopped because what it measures happened (or can no longer happen: the request or the
 * assignment was closed otherwise).
 *
 * @param met whether it stopped before its due time (false once it breached)
 */
public record SlaClockStopped(UUID requestId, Clock clock, UUID assignmentId, Instant stoppedAt, boolean met) {
}
