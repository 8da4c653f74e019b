package org.studysupport.api.query;

import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.reference.ServiceCode;

import java.time.Instant;
import java.util.UUID;

/**
 * One assignment of a request. {@code respondedAt}: acknowledged or declined; {@code completedAt}:
 * delivered (COMPLETED only); {@code closedAt}: when it stopped being open, whatever the way.
 * {@code reason} is why it was declined, reassigned or cancelled; {@code replacedBy} is the
 * assignment that a reassignment opened.
 */
public record AssignmentView(
        UUID id,
        ServiceCode service,
        String hospital,
        AssignmentStatus status,
        String note,
        Instant createdAt,
        Instant respondedAt,
        Instant completedAt,
        Instant closedAt,
        String summary,
        String reason,
        UUID replacedBy) {
}
