package org.studysupport.api.query;

import org.studysupport.api.Nullable;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.privacy.ContactView;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.StudyPhase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A request as its readers see it: the answer of {@code GET /api/requests/{id}}.
 * {@code triagedAt} is when it was accepted or rejected; {@code closedAt} when it became final;
 * {@code clarificationAnswered} is true while an answer to a coordinator's question waits for a
 * coordinator to act on the request, {@code escalated} while a breached clock does; {@code sla}
 * holds its service-level clocks in the order they started. {@code contact} is sealed in the stored
 * view and opened only for a reader who may see it (see {@link ContactView}).
 */
public record RequestView(
        UUID id,
        String reference,
        RequestStatus status,
        @Nullable Priority priority,
        String title,
        @Nullable String acronym,
        StudyPhase studyPhase,
        @Nullable String sponsor,
        @Nullable String therapeuticArea,
        FundingStatus fundingStatus,
        @Nullable LocalDate plannedStartDate,
        List<String> countries,
        @Nullable Integer plannedSites,
        String description,
        List<ServiceCode> services,
        @Nullable ContactView contact,
        String investigatorId,
        Instant submittedAt,
        Instant updatedAt,
        long version,
        List<AssignmentView> assignments,
        List<ClarificationView> clarifications,
        List<SlaView> sla,
        List<CommentView> comments,
        boolean escalated,
        @Nullable String acceptanceNote,
        @Nullable String rejectionReason,
        @Nullable String outcome,
        @Nullable String withdrawalReason,
        @Nullable Instant triagedAt,
        @Nullable Instant closedAt,
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

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this view's values, to change some of them by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.reference = reference;
        b.status = status;
        b.priority = priority;
        b.title = title;
        b.acronym = acronym;
        b.studyPhase = studyPhase;
        b.sponsor = sponsor;
        b.therapeuticArea = therapeuticArea;
        b.fundingStatus = fundingStatus;
        b.plannedStartDate = plannedStartDate;
        b.countries = countries;
        b.plannedSites = plannedSites;
        b.description = description;
        b.services = services;
        b.contact = contact;
        b.investigatorId = investigatorId;
        b.submittedAt = submittedAt;
        b.updatedAt = updatedAt;
        b.version = version;
        b.assignments = new ArrayList<>(assignments);
        b.clarifications = new ArrayList<>(clarifications);
        b.sla = new ArrayList<>(sla);
        b.comments = new ArrayList<>(comments);
        b.escalated = escalated;
        b.acceptanceNote = acceptanceNote;
        b.rejectionReason = rejectionReason;
        b.outcome = outcome;
        b.withdrawalReason = withdrawalReason;
        b.triagedAt = triagedAt;
        b.closedAt = closedAt;
        b.clarificationAnswered = clarificationAnswered;
        return b;
    }

    /** Builds a view field by field; a field added to the view is added here once. */
    public static final class Builder {
        private UUID id;
        private String reference;
        private RequestStatus status;
        private Priority priority;
        private String title;
        private String acronym;
        private StudyPhase studyPhase;
        private String sponsor;
        private String therapeuticArea;
        private FundingStatus fundingStatus;
        private LocalDate plannedStartDate;
        private List<String> countries = List.of();
        private Integer plannedSites;
        private String description;
        private List<ServiceCode> services = List.of();
        private ContactView contact;
        private String investigatorId;
        private Instant submittedAt;
        private Instant updatedAt;
        private long version;
        private List<AssignmentView> assignments = new ArrayList<>();
        private List<ClarificationView> clarifications = new ArrayList<>();
        private List<SlaView> sla = new ArrayList<>();
        private List<CommentView> comments = new ArrayList<>();
        private boolean escalated;
        private String acceptanceNote;
        private String rejectionReason;
        private String outcome;
        private String withdrawalReason;
        private Instant triagedAt;
        private Instant closedAt;
        private boolean clarificationAnswered;

        private Builder() {
        }

        public Builder id(UUID value) { id = value; return this; }
        public Builder reference(String value) { reference = value; return this; }
        public Builder status(RequestStatus value) { status = value; return this; }
        public Builder priority(Priority value) { priority = value; return this; }
        public Builder title(String value) { title = value; return this; }
        public Builder acronym(String value) { acronym = value; return this; }
        public Builder studyPhase(StudyPhase value) { studyPhase = value; return this; }
        public Builder sponsor(String value) { sponsor = value; return this; }
        public Builder therapeuticArea(String value) { therapeuticArea = value; return this; }
        public Builder fundingStatus(FundingStatus value) { fundingStatus = value; return this; }
        public Builder plannedStartDate(LocalDate value) { plannedStartDate = value; return this; }
        public Builder countries(List<String> value) { countries = value; return this; }
        public Builder plannedSites(Integer value) { plannedSites = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder services(List<ServiceCode> value) { services = value; return this; }
        public Builder contact(ContactView value) { contact = value; return this; }
        public Builder investigatorId(String value) { investigatorId = value; return this; }
        public Builder submittedAt(Instant value) { submittedAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }
        public Builder assignments(List<AssignmentView> value) {
            assignments = new ArrayList<>(value);
            return this;
        }
        public Builder sla(List<SlaView> value) { sla = new ArrayList<>(value); return this; }
        public Builder comments(List<CommentView> value) { comments = new ArrayList<>(value); return this; }
        public Builder clarifications(List<ClarificationView> value) {
            clarifications = new ArrayList<>(value);
            return this;
        }
        public Builder escalated(boolean value) { escalated = value; return this; }
        public Builder acceptanceNote(String value) { acceptanceNote = value; return this; }
        public Builder rejectionReason(String value) { rejectionReason = value; return this; }
        public Builder outcome(String value) { outcome = value; return this; }
        public Builder withdrawalReason(String value) { withdrawalReason = value; return this; }
        public Builder triagedAt(Instant value) { triagedAt = value; return this; }
        public Builder closedAt(Instant value) { closedAt = value; return this; }
        public Builder clarificationAnswered(boolean value) { clarificationAnswered = value; return this; }

        public Builder addAssignment(AssignmentView assignment) {
            assignments.add(assignment);
            return this;
        }

        /** Replaces the assignment with the given id by what the change makes of it. */
        public Builder changeAssignment(UUID assignmentId, UnaryOperator<AssignmentView> change) {
            assignments.replaceAll(a -> a.id().equals(assignmentId) ? change.apply(a) : a);
            return this;
        }

        public Builder addClarification(ClarificationView clarification) {
            clarifications.add(clarification);
            return this;
        }

        /** Replaces the clarification with the given id by what the change makes of it. */
        public Builder changeClarification(UUID clarificationId, UnaryOperator<ClarificationView> change) {
            clarifications.replaceAll(c -> c.id().equals(clarificationId) ? change.apply(c) : c);
            return this;
        }

        /** Adds a clock that started, after those started before it. */
        public Builder addSla(SlaView clock) {
            sla.add(clock);
            return this;
        }

        /** Replaces the given clock (of the given assignment; null for triage) by what the change makes of it. */
        public Builder changeSla(String clock, UUID assignmentId, UnaryOperator<SlaView> change) {
            sla.replaceAll(c -> c.is(clock, assignmentId) ? change.apply(c) : c);
            return this;
        }

        public Builder addComment(CommentView comment) {
            comments.add(comment);
            return this;
        }

        public List<ClarificationView> clarifications() {
            return List.copyOf(clarifications);
        }

        public RequestStatus status() {
            return status;
        }

        public RequestView build() {
            return new RequestView(id, reference, status, priority, title, acronym, studyPhase, sponsor,
                    therapeuticArea, fundingStatus, plannedStartDate, countries, plannedSites, description, services,
                    contact, investigatorId, submittedAt, updatedAt, version, assignments, clarifications, sla,
                    comments, escalated, acceptanceNote, rejectionReason, outcome, withdrawalReason, triagedAt,
                    closedAt, clarificationAnswered);
        }
    }
}
