package org.studysupport.api.query;

import org.studysupport.api.Nullable;
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
        @Nullable String note,
        Instant createdAt,
        @Nullable Instant respondedAt,
        @Nullable Instant completedAt,
        @Nullable Instant closedAt,
        @Nullable String summary,
        @Nullable String reason,
        @Nullable UUID replacedBy) {

    /** A new assignment, waiting for its hospital. */
    public static AssignmentView pending(UUID id, ServiceCode service, String hospital, String note,
                                         Instant createdAt) {
        return new AssignmentView(id, service, hospital, AssignmentStatus.PENDING, note, createdAt, null, null, null,
                null, null, null);
    }

    /** Acknowledged (still open) or declined (closed, with the reason) by its hospital. */
    public AssignmentView respondedWith(AssignmentStatus newStatus, Instant at, String why) {
        return new AssignmentView(id, service, hospital, newStatus, note, createdAt, at, null,
                newStatus.isOpen() ? null : at, null, why, null);
    }

    /** Closed by a coordinator: reassigned (to the assignment that replaces it) or cancelled. */
    public AssignmentView closedAs(AssignmentStatus newStatus, Instant at, String why, UUID replacement) {
        return new AssignmentView(id, service, hospital, newStatus, note, createdAt, respondedAt, null, at, null, why,
                replacement);
    }

    /**
     * The assignment as the staff of another hospital see it: service, hospital, status, dates and
     * the assignment that replaced it, without the note, the reason and the delivery summary.
     */
    public AssignmentView withoutDetails() {
        return new AssignmentView(id, service, hospital, status, null, createdAt, respondedAt, completedAt, closedAt,
                null, null, replacedBy);
    }

    /** Delivered by its hospital, with the summary of what was done. */
    public AssignmentView completedWith(String deliverySummary, Instant at) {
        return new AssignmentView(id, service, hospital, AssignmentStatus.COMPLETED, note, createdAt, respondedAt, at,
                at, deliverySummary, null, null);
    }
}
