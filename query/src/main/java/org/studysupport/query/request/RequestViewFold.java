package org.studysupport.query.request;

import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.ClarificationView;
import org.studysupport.api.query.CommentView;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.RequestWithdrawn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The request view as a pure fold: view + event → view. The live projection and the "as of" answers
 * both use it, so a request replayed to any moment looks exactly as the projection showed it then.
 */
public final class RequestViewFold {

    private RequestViewFold() {
    }

    /** @return the view after the event; {@code view} is null before the request was submitted. */
    public static RequestView apply(RequestView view, Object event, EventContext context) {
        if (event instanceof RequestSubmitted submitted) {
            return submitted(submitted, context);
        }
        if (view == null) {
            return null;
        }
        Draft draft = new Draft(view);
        draft.version = context.sequence();
        draft.updatedAt = context.occurredAt();
        if (context.byCoordinator()) {
            draft.clarificationAnswered = false;
        }
        if (event instanceof ClarificationRequested e) {
            draft.status = RequestStatus.AWAITING_INFO;
            draft.clarifications.add(new ClarificationView(e.clarificationId(), e.question(), e.askedBy(),
                    context.actorRole(), context.occurredAt(), null, null));
        } else if (event instanceof ClarificationAnswered e) {
            draft.status = e.resumedStatus();
            draft.replaceClarification(e.clarificationId(), c -> new ClarificationView(c.id(), c.question(),
                    c.askedBy(), c.askedByRole(), c.askedAt(), e.answer(), context.occurredAt()));
            draft.clarificationAnswered = draft.clarifications.stream()
                    .anyMatch(c -> c.id().equals(e.clarificationId()) && "COORDINATOR".equals(c.askedByRole()));
        } else if (event instanceof RequestAccepted e) {
            draft.status = RequestStatus.ACCEPTED;
            draft.priority = e.priority();
            draft.acceptanceNote = e.note();
            draft.triagedAt = context.occurredAt();
        } else if (event instanceof RequestRejected e) {
            draft.status = RequestStatus.REJECTED;
            draft.rejectionReason = e.reason();
            draft.triagedAt = context.occurredAt();
            draft.closedAt = context.occurredAt();
        } else if (event instanceof ServiceAssigned e) {
            draft.assignments.add(new AssignmentView(e.assignmentId(), e.service(), e.hospital(),
                    AssignmentStatus.PENDING, e.note(), context.occurredAt(), null, null, null, null, null, null));
            if (draft.status == RequestStatus.ACCEPTED) {
                draft.status = RequestStatus.IN_PROGRESS;
            }
        } else if (event instanceof AssignmentAcknowledged e) {
            draft.replaceAssignment(e.assignmentId(), a -> responded(a, AssignmentStatus.ACTIVE, null, context));
        } else if (event instanceof AssignmentDeclined e) {
            draft.replaceAssignment(e.assignmentId(),
                    a -> responded(a, AssignmentStatus.DECLINED, e.reason(), context));
        } else if (event instanceof AssignmentReassigned e) {
            draft.replaceAssignment(e.assignmentId(), a -> closed(a, AssignmentStatus.REASSIGNED, e.reason(),
                    e.newAssignmentId(), context));
        } else if (event instanceof AssignmentCancelled e) {
            draft.replaceAssignment(e.assignmentId(), a -> closed(a, AssignmentStatus.CANCELLED, e.reason(), null,
                    context));
        } else if (event instanceof AssignmentCompleted e) {
            draft.replaceAssignment(e.assignmentId(), a -> new AssignmentView(a.id(), a.service(), a.hospital(),
                    AssignmentStatus.COMPLETED, a.note(), a.createdAt(), a.respondedAt(), context.occurredAt(),
                    context.occurredAt(), e.summary(), null, null));
        } else if (event instanceof RequestCompleted e) {
            draft.status = RequestStatus.COMPLETED;
            draft.outcome = e.outcome();
            draft.closedAt = context.occurredAt();
        } else if (event instanceof RequestWithdrawn e) {
            draft.status = RequestStatus.WITHDRAWN;
            draft.withdrawalReason = e.reason();
            draft.closedAt = context.occurredAt();
            draft.clarificationAnswered = false;
        } else if (event instanceof CommentAdded e) {
            draft.comments.add(new CommentView(e.commentId(), e.text(), e.visibility(), e.author(),
                    context.occurredAt()));
        } else {
            // not about what this view shows: only the version moves on
            draft.updatedAt = view.updatedAt();
        }
        return draft.toView();
    }

    private static RequestView submitted(RequestSubmitted e, EventContext context) {
        var study = e.study();
        return new RequestView(e.requestId(), e.reference(), RequestStatus.SUBMITTED, null, study.title(),
                study.acronym(), study.studyPhase(), study.sponsor(), study.therapeuticArea(), study.fundingStatus(),
                study.plannedStartDate(), study.countries(), study.plannedSites(), study.description(), e.services(),
                e.contact(), e.investigatorId(), context.occurredAt(), context.occurredAt(), context.sequence(),
                List.of(), List.of(), List.of(), List.of(), false, null, null, null, null, null, null, false);
    }

    private static AssignmentView responded(AssignmentView a, AssignmentStatus status, String reason,
                                            EventContext context) {
        Instant closedAt = status.isOpen() ? null : context.occurredAt();
        return new AssignmentView(a.id(), a.service(), a.hospital(), status, a.note(), a.createdAt(),
                context.occurredAt(), null, closedAt, null, reason, null);
    }

    private static AssignmentView closed(AssignmentView a, AssignmentStatus status, String reason, UUID replacedBy,
                                         EventContext context) {
        return new AssignmentView(a.id(), a.service(), a.hospital(), status, a.note(), a.createdAt(),
                a.respondedAt(), null, context.occurredAt(), null, reason, replacedBy);
    }

    /** A mutable copy of a view, used only inside one step of the fold. */
    private static final class Draft {
        private final RequestView base;
        private RequestStatus status;
        private Priority priority;
        private Instant updatedAt;
        private long version;
        private final List<AssignmentView> assignments;
        private final List<ClarificationView> clarifications;
        private final List<CommentView> comments;
        private String acceptanceNote;
        private String rejectionReason;
        private String outcome;
        private String withdrawalReason;
        private Instant triagedAt;
        private Instant closedAt;
        private boolean clarificationAnswered;

        Draft(RequestView base) {
            this.base = base;
            this.status = base.status();
            this.priority = base.priority();
            this.updatedAt = base.updatedAt();
            this.version = base.version();
            this.assignments = new ArrayList<>(base.assignments());
            this.clarifications = new ArrayList<>(base.clarifications());
            this.comments = new ArrayList<>(base.comments());
            this.acceptanceNote = base.acceptanceNote();
            this.rejectionReason = base.rejectionReason();
            this.outcome = base.outcome();
            this.withdrawalReason = base.withdrawalReason();
            this.triagedAt = base.triagedAt();
            this.closedAt = base.closedAt();
            this.clarificationAnswered = base.clarificationAnswered();
        }

        void replaceAssignment(UUID id, UnaryOperator<AssignmentView> change) {
            assignments.replaceAll(a -> a.id().equals(id) ? change.apply(a) : a);
        }

        void replaceClarification(UUID id, UnaryOperator<ClarificationView> change) {
            clarifications.replaceAll(c -> c.id().equals(id) ? change.apply(c) : c);
        }

        RequestView toView() {
            return new RequestView(base.id(), base.reference(), status, priority, base.title(), base.acronym(),
                    base.studyPhase(), base.sponsor(), base.therapeuticArea(), base.fundingStatus(),
                    base.plannedStartDate(), base.countries(), base.plannedSites(), base.description(),
                    base.services(), base.contact(), base.investigatorId(), base.submittedAt(), updatedAt, version,
                    assignments, clarifications, base.sla(), comments, base.escalated(), acceptanceNote,
                    rejectionReason, outcome, withdrawalReason, triagedAt, closedAt, clarificationAnswered);
        }
    }
}
