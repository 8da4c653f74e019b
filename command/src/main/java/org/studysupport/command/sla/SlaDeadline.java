package org.studysupport.command.sla;

import org.studysupport.api.sla.Clock;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of a clock's warning or breach deadline: which clock, and the time the deadline was
 * scheduled for. When it fires, the request compares that time with the clock's own: a pause or a
 * stop since then leaves a stale deadline, which does nothing.
 *
 * @param assignmentId the clock's assignment; null for triage
 * @param at           the warning time (for a warning deadline) or the due time (for a breach deadline)
 */
public record SlaDeadline(Clock clock, UUID assignmentId, Instant at) {
}
