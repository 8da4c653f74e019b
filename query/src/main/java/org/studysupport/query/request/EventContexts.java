package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.studysupport.api.security.Actor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Reads the fold's context from a stored event: its time, position in its request and actor. The
 * time is cut to the millisecond, as the event store keeps it: a view folded from an event just
 * published and one folded from the same event read back years later must be the same.
 */
public final class EventContexts {

    private EventContexts() {
    }

    public static EventContext of(DomainEventMessage<?> event) {
        Object actorId = event.getMetaData().get(Actor.USER_ID);
        Object role = event.getMetaData().get(Actor.ROLE);
        return new EventContext(occurredAt(event), event.getSequenceNumber(),
                actorId == null ? null : actorId.toString(), role == null ? null : role.toString());
    }

    /** When the event happened, to the millisecond the event store keeps. */
    public static Instant occurredAt(EventMessage<?> event) {
        return event.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
    }
}
