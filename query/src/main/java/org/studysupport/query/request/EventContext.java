package org.studysupport.query.request;

import java.time.Instant;

/** What the fold needs to know about an event besides its payload: when, in which position, and by whom. */
public record EventContext(Instant occurredAt, long sequence, String actorId, String actorRole) {

    public boolean byCoordinator() {
        return "COORDINATOR".equals(actorRole);
    }
}
