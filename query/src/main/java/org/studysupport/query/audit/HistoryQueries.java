package org.studysupport.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.studysupport.api.privacy.ContactView;
import org.studysupport.api.query.FindRequest;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.FindRequestHistory;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;
import org.studysupport.query.request.EventContexts;
import org.studysupport.query.request.RequestQueries;

import java.util.List;
import java.util.Optional;

/**
 * A request's history, read from its own events in the event store (never from a snapshot or a
 * read table), oldest first. What decides who may see the request is the read side's visibility. Whoever may see the request may read its history, with what they may
 * not see of the request left out: investigators do not get INTERNAL comments, and the submission's
 * sealed contact is shown as in the request's view (opened, erased, or hidden).
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
        boolean internalShown = !query.viewer().is(Role.INVESTIGATOR);
        return eventStore.readEvents(query.requestId().toString(), 0).asStream()
                .filter(event -> internalShown || !isInternal(event.getPayload()))
                .map(event -> entry(event, contact))
                .toList();
    }

    private static boolean isInternal(Object payload) {
        return payload instanceof CommentAdded comment && comment.visibility() == CommentVisibility.INTERNAL;
    }

    private static HistoryEntry entry(DomainEventMessage<?> event, ContactView contact) {
        Object data = event.getPayload() instanceof RequestSubmitted submitted
                ? SubmissionData.of(submitted, contact) : event.getPayload();
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
