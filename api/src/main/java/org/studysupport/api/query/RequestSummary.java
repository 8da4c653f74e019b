package org.studysupport.api.query;

import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.StudyPhase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request in a list or queue. */
public record RequestSummary(
        UUID id,
        String reference,
        RequestStatus status,
        Priority priority,
        String title,
        String acronym,
        StudyPhase studyPhase,
        List<ServiceCode> services,
        String investigatorId,
        Instant submittedAt,
        Instant updatedAt,
        long version,
        boolean escalated) {

    public static RequestSummary of(RequestView view) {
        return new RequestSummary(view.id(), view.reference(), view.status(), view.priority(), view.title(),
                view.acronym(), view.studyPhase(), view.services(), view.investigatorId(), view.submittedAt(),
                view.updatedAt(), view.version(), view.escalated());
    }
}
