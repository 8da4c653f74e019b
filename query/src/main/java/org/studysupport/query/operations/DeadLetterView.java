package org.studysupport.query.operations;

import org.studysupport.api.Nullable;

import java.time.Instant;

/**
 * An event a read model's processor failed to handle and keeps aside, as a row of Axon's
 * dead-letter queue shows it.
 *
 * @param id              the dead letter's own id
 * @param processingGroup the processor that parked it
 * @param sequence        what orders its letters: the request id (events of one request are
 *                        handled in order, so a request's later events are parked behind it)
 * @param sequenceIndex   its place in that sequence, lowest first
 * @param eventType       the event's simple class name
 * @param eventSequence   the event's position in its request, from 0
 * @param lastTouched     when it was parked or last retried
 * @param cause           why it failed; null for an event parked only behind an earlier one
 */
public record DeadLetterView(String id, String processingGroup, String sequence, long sequenceIndex,
                             String eventId, String eventType, String requestId, @Nullable Long eventSequence,
                             Instant enqueuedAt, Instant lastTouched, @Nullable Cause cause) {

    /** The failure: the exception's class name and message. */
    public record Cause(String type, String message) {
    }
}
