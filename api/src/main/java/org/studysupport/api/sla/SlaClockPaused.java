package org.studysupport.api.sla;

import java.time.Instant;
import java.util.UUID;

/** A running clock stopped counting while the request waits for the investigator's answer. */
public record SlaClockPaused(UUID requestId, Clock clock, UUID assignmentId, Instant pausedAt) {
}
