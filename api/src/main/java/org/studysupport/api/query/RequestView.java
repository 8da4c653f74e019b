package org.studysupport.api.query;

import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.StudyPhase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A request as its readers see it: the answer of {@code GET /api/requests/{id}}.
 * {@code triagedAt} is when it was accepted or rejected; {@code closedAt} when it became final;
 * {@code clarificationAnswered} is true while an answer to a coordinator's question waits for a
 * coordinator to act on the request.
 */
public record RequestView(
        UUID id,
        String reference,
        RequestStatus status,
        Priority priority,
        String title,
        String acronym,
        StudyPhase studyPhase,
        String sponsor,
        String therapeuticArea,
        FundingStatus fundingStatus,
        LocalDate plannedStartDate,
        List<String> countries,
        Integer plannedSites,
        String description,
        List<ServiceCode> services,
        ContactDetails contact,
        String investigatorId,
        Instant submittedAt,
        Instant updatedAt,
        long version,
        List<AssignmentView> assignments,
        List<ClarificationView> clarifications,
        List<SlaView> sla,
        List<CommentView> comments,
        boolean escalated,
        String acceptanceNote,
        String rejectionReason,
        String outcome,
        String withdrawalReason,
        Instant triagedAt,
        Instant closedAt,
        boolean clarificationAnswered) {

    public RequestView {
        countries = countries == null ? List.of() : List.copyOf(countries);
        services = services == null ? List.of() : List.copyOf(services);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        clarifications = clarifications == null ? List.of() : List.copyOf(clarifications);
        sla = sla == null ? List.of() : List.copyOf(sla);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** The hospitals that have or had an assignment on the request, in the order they got their first. */
    public List<String> hospitals() {
        return assignments.stream().map(AssignmentView::hospital).distinct().toList();
    }

    /** The requested services that have no PENDING, ACTIVE or COMPLETED assignment. */
    public List<ServiceCode> unassignedServices() {
        if (status.isFinal()) {
            return List.of();
        }
        return services.stream()
                .filter(service -> assignments.stream().noneMatch(a -> a.service() == service
                        && (a.status().isOpen() || a.status() == AssignmentStatus.COMPLETED)))
                .toList();
    }

    /** The same view with the given comments instead of its own. */
    public RequestView withComments(List<CommentView> replacement) {
        return new RequestView(id, reference, status, priority, title, acronym, studyPhase, sponsor, therapeuticArea,
                fundingStatus, plannedStartDate, countries, plannedSites, description, services, contact,
                investigatorId, submittedAt, updatedAt, version, assignments, clarifications, sla, replacement,
                escalated, acceptanceNote, rejectionReason, outcome, withdrawalReason, triagedAt, closedAt,
                clarificationAnswered);
    }

    /** The same view without what the given reader may not see. */
    public RequestView redactedFor(boolean showContact, boolean showInternalComments) {
        List<CommentView> visibleComments = showInternalComments ? comments
                : comments.stream().filter(c -> c.visibility() == CommentVisibility.PUBLIC).toList();
        return new RequestView(id, reference, status, priority, title, acronym, studyPhase, sponsor, therapeuticArea,
                fundingStatus, plannedStartDate, countries, plannedSites, description, services,
                showContact ? contact : null, investigatorId, submittedAt, updatedAt, version, assignments,
                clarifications, sla, visibleComments, escalated, acceptanceNote, rejectionReason, outcome,
                withdrawalReason, triagedAt, closedAt, clarificationAnswered);
    }
}
