package org.studysupport.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.studysupport.api.access.RequestDisclosure;
import org.studysupport.api.query.CanSeeRequest;
import org.studysupport.api.query.FindRequestHistory;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.security.Actor;
import org.studysupport.query.request.EventContexts;
import org.studysupport.query.request.RequestQueries;

import java.util.List;

/**
 * A request's history, read from its own events in the event store (never from a snapshot or a
 * read table), oldest first. Whoever may see the request ({@code RequestScope}) may read its
 * history, each entry as {@link RequestDisclosure} shows it: investigators do not get INTERNAL
 * comments, hospital staff neither the contact nor other hospitals' notes, reasons and summaries.
 */
@Component
public class HistoryQueries {

    private final EventStore eventStore;
    private final RequestQueries requests;

    public HistoryQueries(EventStore eventStore, RequestQueries requests) {
        this.eventStore = eventStore;
        this.requests = requests;
    }

    /** @return the history; empty when the viewer may not see the request (a request's own is never empty) */
    @QueryHandler
    public List<HistoryEntry> handle(FindRequestHistory query) {
        if (!requests.handle(new CanSeeRequest(query.requestId(), query.viewer()))) {
            return List.of();
        }
        RequestDisclosure disclosure = RequestDisclosure.to(query.viewer());
        return eventStore.readEvents(query.requestId().toString(), 0).asStream()
                .map(HistoryQueries::entry)
                .flatMap(entry -> disclosure.redact(entry).stream())
                .toList();
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                EventContexts.occurredAt(event),
                new HistoryEntry.HistoryActor(text(event.getMetaData().get(Actor.USER_ID)),
                        text(event.getMetaData().get(Actor.ROLE))),
                text(event.getMetaData().get(Actor.REASON)), event.getPayload());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
