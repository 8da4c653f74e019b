package org.studysupport.api.query;

import org.studysupport.api.Nullable;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;

import java.time.Instant;
import java.util.UUID;

/** One open assignment in a hospital's queue, with what the hospital needs to know of its request. */
public record HospitalQueueItem(
        UUID assignmentId,
        UUID requestId,
        String reference,
        String title,
        @Nullable String acronym,
        RequestStatus requestStatus,
        @Nullable Priority priority,
        ServiceCode service,
        String hospital,
        AssignmentStatus status,
        Instant createdAt,
        @Nullable Instant respondedAt,
        @Nullable Instant slaDueAt) {
}
