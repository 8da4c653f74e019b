package org.studysupport.api.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change to the queues, caused by one event of a request; {@code position} is its place in the
 * stream (its commit sequence, see {@link FindQueueChanges}); {@code version} is the request's version
 * after that event. {@code hospitals} are those with an
 * assignment (now or before) on the request; {@code internalOnly} marks an INTERNAL comment, which
 * investigators must not even hear of.
 */
public record QueueChange(
        long position,
        UUID requestId,
        long version,
        String reference,
        String status,
        String eventType,
        String investigatorId,
        List<String> hospitals,
        boolean inTriage,
        boolean internalOnly,
        Instant occurredAt) {

    public QueueChange {
        hospitals = List.copyOf(hospitals);
    }
}
