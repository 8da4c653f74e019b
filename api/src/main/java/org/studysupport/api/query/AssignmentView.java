package org.studysupport.api.query;

import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.reference.ServiceCode;

import java.time.Instant;
import java.util.UUID;

/**
 * One assignment of a request. {@code reason} is why it was declined, reassigned or cancelled;
 * {@code replacedBy} is the assignment that a reassignment opened.
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
        String summary,
        String reason,
        UUID replacedBy) {
}
