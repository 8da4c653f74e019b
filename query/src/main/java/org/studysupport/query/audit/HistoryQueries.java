package org.studysupport.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.studysupport.api.access.RequestDisclosure;
import org.studysupport.api.privacy.ContactView;
import org.studysupport.api.query.FindRequest;
import org.studysupport.api.query.FindRequestHistory;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.security.Actor;
import org.studysupport.query.request.EventContexts;
import org.studysupport.query.request.RequestQueries;

import java.util.List;
import java.util.Optional;

/**
 * A request's history, read from its own events in the event store (never from a snapshot or a
 * read table), oldest first. Whoever may see the request ({@code RequestScope}) may read its
 * history, each entry as {@link RequestDisclosure} shows it: investigators do not get INTERNAL
 * comments, hospital staff neither the contact nor other hospitals' notes, reasons and summaries.
 * The submission's sealed contact is shown as in the request's view: opened, erased, or hidden.
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
        Optional<RequestView> current = requests.handle(new FindRequest(query.requestId(), query.viewer()));
        if (current.isEmpty()) {
            return List.of();
        }
        // the contact as this reader sees it today: opened, erased, or hidden (it never changes after submission)
        ContactView contact = current.get().contact();
        RequestDisclosure disclosure = RequestDisclosure.to(query.viewer());
        return eventStore.readEvents(query.requestId().toString(), 0).asStream()
                .map(HistoryQueries::entry)
                .flatMap(entry -> disclosure.redact(entry).stream())
                .map(entry -> withContact(entry, contact))
                .toList();
    }

    /** The submission's entry with its contact as the reader sees it, instead of the sealed form. */
    private static HistoryEntry withContact(HistoryEntry entry, ContactView contact) {
        if (!(entry.data() instanceof RequestSubmitted submitted)) {
            return entry;
        }
        return new HistoryEntry(entry.sequence(), entry.type(), entry.occurredAt(), entry.actor(), entry.reason(),
                SubmissionData.of(submitted, contact));
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        Object data = event.getPayload();
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                EventContexts.occurredAt(event),
                new HistoryEntry.HistoryActor(text(event.getMetaData().get(Actor.USER_ID)),
                        text(event.getMetaData().get(Actor.ROLE))),
                text(event.getMetaData().get(Actor.REASON)), data);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
