package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;
import org.studysupport.api.security.Actor;

/** Reads the fold's context from a stored event: its time, position in its request and actor. */
public final class EventContexts {

    private EventContexts() {
    }

    public static EventContext of(DomainEventMessage<?> event) {
        Object actorId = event.getMetaData().get(Actor.USER_ID);
        Object role = event.getMetaData().get(Actor.ROLE);
        return new EventContext(event.getTimestamp(), event.getSequenceNumber(),
                actorId == null ? null : actorId.toString(), role == null ? null : role.toString());
    }
}
