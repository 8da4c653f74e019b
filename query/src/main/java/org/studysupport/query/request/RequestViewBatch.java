package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.studysupport.api.query.RequestView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of one batch of the catch-up processor, folded in memory per request and written once
 * per request when the batch's transaction is about to commit: a request with ten events in the
 * batch costs one read and one write of its row, not ten of each, and the writes of all requests
 * go to the database together. The same rules as one event at a
 * time ({@link RequestViewStep}, {@link RequestViewTables#store}).
 */
final class RequestViewBatch {

    private final RequestViewTables tables;
    private final Map<UUID, Pending> pending = new LinkedHashMap<>();

    RequestViewBatch(RequestViewTables tables) {
        this.tables = tables;
    }

    /**
     * Reads at once the stored views of the requests whose events the batch will bring, so that
     * {@link #add} finds them in memory: one query per batch instead of one per request.
     */
    void prefetch(List<? extends Message<?>> batch) {
        Map<UUID, Long> firstSequence = new LinkedHashMap<>();
        for (Message<?> message : batch) {
            if (message instanceof DomainEventMessage<?> event && RequestEvents.isRequestEvent(event)) {
                firstSequence.putIfAbsent(UUID.fromString(event.getAggregateIdentifier()), event.getSequenceNumber());
            }
        }
        List<UUID> stored = firstSequence.entrySet().stream().filter(first -> first.getValue() > 0)
                .map(Map.Entry::getKey).toList();
        Map<UUID, RequestView> views = tables.findAll(stored);
        firstSequence.keySet().forEach(id -> pending.put(id, new Pending(views.get(id))));
    }

    void add(DomainEventMessage<?> event) {
        UUID requestId = UUID.fromString(event.getAggregateIdentifier());
        // a request's first event needs nothing stored; whether its row exists the insert finds out
        Pending request = pending.computeIfAbsent(requestId, id -> new Pending(
                event.getSequenceNumber() == 0 ? null : tables.find(id).orElse(null)));
        RequestViewStep step = RequestViewStep.of(request.current, event);
        if (step.applies()) {
            request.current = step.after();
            request.versions.add(step.version());
            request.addedComments.addAll(step.addedComments());
        }
    }

    /** Writes every request the batch changed, each kind of row in one JDBC batch. */
    void write() {
        tables.storeAll(pending.values().stream()
                .filter(request -> request.current != request.stored)
                .map(request -> new RequestViewTables.Change(request.stored, request.current,
                        request.addedComments, request.versions))
                .toList());
        pending.clear();
    }

    private static final class Pending {
        private final RequestView stored;
        private RequestView current;
        private final List<RequestViewTables.SequencedComment> addedComments = new ArrayList<>();
        private final List<RequestViewTables.Version> versions = new ArrayList<>();

        Pending(RequestView stored) {
            this.stored = stored;
            this.current = stored;
        }
    }
}
