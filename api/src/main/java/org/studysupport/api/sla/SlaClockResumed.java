package org.studysupport.api.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A paused clock counts again: its due time (and its warning, unless raised already) moved by the
 * working time the pause took on the clock's own calendar (wall-clock time for a duration target).
 *
 * @param warnAt the moved warning time; null when the warning was raised before the pause
 */
public record SlaClockResumed(UUID requestId, Clock clock, UUID assignmentId, Instant pausedAt, Instant resumedAt,
                              Instant warnAt, Instant dueAt) {
}
