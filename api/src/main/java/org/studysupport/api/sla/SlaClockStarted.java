package org.studysupport.api.sla;

import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;

import java.time.Instant;
import java.util.UUID;

/**
 * A service-level clock of a request started, with everything its due time was computed from, so
 * that it can be recomputed from the history alone whatever the configuration says later.
 *
 * @param assignmentId the assignment the clock belongs to; null for {@link Clock#TRIAGE}
 * @param hospital     that assignment's hospital (whose calendar the clock counts on); null for triage
 * @param service      that assignment's service; null for triage
 * @param priority     the request's priority when the clock started; null before acceptance
 * @param target       the target the clock keeps until it stops
 * @param calendar     the calendar the clock counts on until it stops
 * @param warnAt       when 75 % of the target will have elapsed
 * @param dueAt        when the whole target will have elapsed
 */
public record SlaClockStarted(UUID requestId, Clock clock, UUID assignmentId, String hospital, ServiceCode service,
                              Priority priority, Instant startedAt, SlaTarget target, CalendarDefinition calendar,
                              Instant warnAt, Instant dueAt) {
}
