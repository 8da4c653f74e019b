package org.studysupport.notification;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.RequestSubmitted;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a message about a request needs to know of it, read from the request's own events (not from
 * a read model, which may be rebuilding): its reference, its investigator with their sealed contact
 * and language, and the service and hospital of each of its assignments.
 */
class RequestFacts {

    /** The service and hospital an assignment was made for. */
    record AssignmentFacts(ServiceCode service, String hospital) {
    }

    /** @param language the investigator's language; null when they chose none */
    record Facts(String reference, String investigatorId, SealedContact contact, String language,
                 Map<UUID, AssignmentFacts> assignments) {

        Optional<AssignmentFacts> assignment(UUID assignmentId) {
            return Optional.ofNullable(assignmentId == null ? null : assignments.get(assignmentId));
        }
    }

    private final EventStore eventStore;

    RequestFacts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @return the facts, or empty when the request has no submission in the store */
    Optional<Facts> of(UUID requestId) {
        // from the first event, never from a snapshot: the submission is what is needed
        DomainEventStream events = eventStore.readEvents(requestId.toString(), 0L);
        RequestSubmitted submitted = null;
        Map<UUID, AssignmentFacts> assignments = new HashMap<>();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object payload = event.getPayload();
            if (payload instanceof RequestSubmitted submission) {
                submitted = submission;
            } else if (payload instanceof ServiceAssigned assigned) {
                assignments.put(assigned.assignmentId(), new AssignmentFacts(assigned.service(), assigned.hospital()));
            }
        }
        if (submitted == null) {
            return Optional.empty();
        }
        return Optional.of(new Facts(submitted.reference(), submitted.investigatorId(), submitted.contact(),
                submitted.language(), Map.copyOf(assignments)));
    }
}
