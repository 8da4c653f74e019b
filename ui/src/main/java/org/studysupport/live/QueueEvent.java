package org.studysupport.live;

import org.studysupport.api.query.QueueChange;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a stream client is told about a change: which request, its status now, whether it waits in
 * the triage queue, and which of the hospitals the client may know of are involved. No personal data.
 */
public record QueueEvent(long position, UUID requestId, String reference, String status, String eventType,
                         boolean inTriage, List<String> hospitals, Instant occurredAt) {

    /** Whether the viewer may hear of this change at all. */
    public static boolean visibleTo(QueueChange change, Actor viewer) {
        return switch (viewer.role()) {
            case COORDINATOR -> true;
            case HOSPITAL -> change.hospitals().contains(viewer.hospital());
            case INVESTIGATOR -> viewer.id().equals(change.investigatorId()) && !change.internalOnly();
            case AUDITOR, ADMIN -> false;
        };
    }

    public static QueueEvent of(QueueChange change, Actor viewer) {
        List<String> hospitals = viewer.is(Role.HOSPITAL) ? List.of(viewer.hospital()) : change.hospitals();
        return new QueueEvent(change.position(), change.requestId(), change.reference(), change.status(),
                change.eventType(), change.inTriage(), hospitals, change.occurredAt());
    }
}
