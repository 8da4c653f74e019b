package org.studysupport.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.studysupport.api.access.RequestDisclosure;
import org.studysupport.api.query.CanSeeRequest;
import org.studysupport.api.query.FindRequestAsOf;
import org.studysupport.api.query.RequestView;
import org.studysupport.query.privacy.ContactOpening;
import org.studysupport.query.request.EventContexts;
import org.studysupport.query.request.RequestQueries;
import org.studysupport.query.request.RequestViewFold;

import java.util.Optional;

/**
 * A request as it stood at a past moment: its own events, read from the start (never from a
 * snapshot), folded up to that moment with the same fold as the live view. Whoever may see the
 * request now may see its past, with the same parts hidden; its contact is opened as in today's
 * view, or shown as erased once its subject was erased.
 */
@Component
public class AsOfQueries {

    private final EventStore eventStore;
    private final RequestQueries requests;
    private final ContactOpening contacts;

    public AsOfQueries(EventStore eventStore, RequestQueries requests, ContactOpening contacts) {
        this.eventStore = eventStore;
        this.requests = requests;
        this.contacts = contacts;
    }

    @QueryHandler
    public Optional<RequestView> handle(FindRequestAsOf query) {
        if (!requests.handle(new CanSeeRequest(query.requestId(), query.viewer()))) {
            return Optional.empty();
        }
        DomainEventStream events = eventStore.readEvents(query.requestId().toString(), 0);
        RequestView view = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            view = RequestViewFold.apply(view, event.getPayload(), EventContexts.of(event));
        }
        return Optional.ofNullable(view).map(RequestDisclosure.to(query.viewer())::redact).map(contacts::open);
    }
}
