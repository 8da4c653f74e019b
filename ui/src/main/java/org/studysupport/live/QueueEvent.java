package org.studysupport.live;

import org.studysupport.api.access.RequestDisclosure;
import org.studysupport.api.access.RequestScope;
import org.studysupport.api.query.QueueChange;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a stream client is told about a change: which request, its status now, whether it waits in
 * the triage queue, and the hospitals with an assignment on it (which every viewer of the request
 * sees in its view too). No personal data. Who hears of a change is the request's visibility
 * ({@link RequestScope}, {@link RequestDisclosure}), the same as for every other output.
 */
public record QueueEvent(long position, UUID requestId, String reference, String status, String eventType,
                         boolean inTriage, List<String> hospitals, Instant occurredAt) {

    /** The roles the stream is for (the URL rule of {@code /api/queues/stream}): auditors and admins read, not follow. */
    private static final Set<Role> AUDIENCE = EnumSet.of(Role.COORDINATOR, Role.HOSPITAL, Role.INVESTIGATOR);

    /** Whether the viewer may hear of this change at all. */
    public static boolean visibleTo(QueueChange change, Actor viewer) {
        return AUDIENCE.contains(viewer.role())
                && RequestScope.of(viewer).includes(change)
                && RequestDisclosure.to(viewer).hearsOf(change);
    }

    public static QueueEvent of(QueueChange change) {
        return new QueueEvent(change.position(), change.requestId(), change.reference(), change.status(),
                change.eventType(), change.inTriage(), change.hospitals(), change.occurredAt());
    }
}
