package org.studysupport.query.request;

import org.axonframework.messaging.Message;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events of catch-up batches whose combined write failed, by identifier. A failed write is
 * known only when the batch is about to commit, after every handler ran, so it cannot be laid on
 * the event that caused it: the batch is rolled back instead, and when the processor reads those
 * events again it handles them one at a time (see {@link RequestViewCatchUp}), so that the event
 * that fails does so in its own handler call and Axon parks it, and nothing else.
 *
 * <p>Kept in memory, per node: a node that takes over the segment fails the combined write once
 * itself and learns the same. An event is forgotten when a batch that handled it one at a time
 * commits.
 */
final class FailedBatches {

    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();

    void remember(List<? extends Message<?>> batch) {
        batch.forEach(event -> eventIds.add(event.getIdentifier()));
    }

    /** Whether the batch holds an event of a batch whose combined write failed. */
    boolean holdsAny(List<? extends Message<?>> batch) {
        return !eventIds.isEmpty() && batch.stream().anyMatch(event -> eventIds.contains(event.getIdentifier()));
    }

    void forget(List<? extends Message<?>> batch) {
        batch.forEach(event -> eventIds.remove(event.getIdentifier()));
    }
}
