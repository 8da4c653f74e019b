package org.studysupport.api.query;

import org.studysupport.api.Nullable;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.StudyPhase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request in a list or queue. {@code waitingFor} says why it is in the triage queue (empty when
 * it is not); {@code slaDueAt} is the earliest due time of its running clocks.
 */
public record RequestSummary(
        UUID id,
        String reference,
        RequestStatus status,
        @Nullable Priority priority,
        String title,
        @Nullable String acronym,
        StudyPhase studyPhase,
        List<ServiceCode> services,
        List<ServiceCode> unassignedServices,
        List<String> hospitals,
        String investigatorId,
        Instant submittedAt,
        Instant updatedAt,
        @Nullable Instant slaDueAt,
        long version,
        boolean escalated,
        List<TriageReason> waitingFor) {

    public static RequestSummary of(RequestView view) {
        return new RequestSummary(view.id(), view.reference(), view.status(), view.priority(), view.title(),
                view.acronym(), view.studyPhase(), view.services(), view.unassignedServices(), view.hospitals(),
                view.investigatorId(), view.submittedAt(), view.updatedAt(), TriagePolicy.slaDueAt(view),
                view.version(), view.escalated(), TriagePolicy.reasons(view));
    }
}
