package org.studysupport.query.request;

import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.privacy.ContactView;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.ClarificationView;
import org.studysupport.api.query.CommentView;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.SlaView;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.RequestWithdrawn;
import org.studysupport.api.sla.RequestEscalated;
import org.studysupport.api.sla.SlaClockBreached;
import org.studysupport.api.sla.SlaClockPaused;
import org.studysupport.api.sla.SlaClockResumed;
import org.studysupport.api.sla.SlaClockStarted;
import org.studysupport.api.sla.SlaClockStopped;
import org.studysupport.api.sla.SlaWarningRaised;

import java.util.HashMap;
import java.util.Map;

/**
 * The request view as a pure fold: view + event → view. The live projection, the rebuild and the
 * "as of" answers all use it, so a request replayed to any moment looks exactly as the projection
 * showed it then. One handler per event type; an event it has no handler for moves only the version.
 */
public final class RequestViewFold {

    /** What one event type changes in the view being built. */
    @FunctionalInterface
    private interface Handler<E> {
        void apply(E event, RequestView.Builder view, EventContext context);
    }

    private static final Map<Class<?>, Handler<?>> HANDLERS = new HashMap<>();

    static {
        on(ClarificationRequested.class, RequestViewFold::clarificationRequested);
        on(ClarificationAnswered.class, RequestViewFold::clarificationAnswered);
        on(RequestAccepted.class, RequestViewFold::accepted);
        on(RequestRejected.class, RequestViewFold::rejected);
        on(ServiceAssigned.class, RequestViewFold::serviceAssigned);
        on(AssignmentAcknowledged.class, (e, view, context) -> view.changeAssignment(e.assignmentId(),
                a -> a.respondedWith(AssignmentStatus.ACTIVE, context.occurredAt(), null)));
        on(AssignmentDeclined.class, (e, view, context) -> view.changeAssignment(e.assignmentId(),
                a -> a.respondedWith(AssignmentStatus.DECLINED, context.occurredAt(), e.reason())));
        on(AssignmentReassigned.class, (e, view, context) -> view.changeAssignment(e.assignmentId(),
                a -> a.closedAs(AssignmentStatus.REASSIGNED, context.occurredAt(), e.reason(), e.newAssignmentId())));
        on(AssignmentCancelled.class, (e, view, context) -> view.changeAssignment(e.assignmentId(),
                a -> a.closedAs(AssignmentStatus.CANCELLED, context.occurredAt(), e.reason(), null)));
        on(AssignmentCompleted.class, (e, view, context) -> view.changeAssignment(e.assignmentId(),
                a -> a.completedWith(e.summary(), context.occurredAt())));
        on(RequestCompleted.class, RequestViewFold::completed);
        on(RequestWithdrawn.class, RequestViewFold::withdrawn);
        on(CommentAdded.class, (e, view, context) -> view.addComment(new CommentView(e.commentId(), e.text(),
                e.visibility(), e.author(), context.occurredAt())));
        on(SlaClockStarted.class, (e, view, context) -> view.addSla(SlaView.started(e.clock().name(),
                e.assignmentId(), e.hospital(), e.service(), e.startedAt(), e.dueAt())));
        on(SlaClockPaused.class, (e, view, context) -> view.changeSla(e.clock().name(), e.assignmentId(),
                clock -> clock.paused(e.pausedAt())));
        on(SlaClockResumed.class, (e, view, context) -> view.changeSla(e.clock().name(), e.assignmentId(),
                clock -> clock.resumed(e.dueAt())));
        on(SlaWarningRaised.class, (e, view, context) -> view.changeSla(e.clock().name(), e.assignmentId(),
                clock -> clock.warned(context.occurredAt())));
        on(SlaClockBreached.class, (e, view, context) -> view.changeSla(e.clock().name(), e.assignmentId(),
                clock -> clock.breached(context.occurredAt())));
        on(RequestEscalated.class, (e, view, context) -> view.escalated(true));
        on(SlaClockStopped.class, (e, view, context) -> view.changeSla(e.clock().name(), e.assignmentId(),
                clock -> clock.stopped(e.stoppedAt(), e.met())));
    }

    private RequestViewFold() {
    }

    private static <E> void on(Class<E> type, Handler<E> handler) {
        HANDLERS.put(type, handler);
    }

    /** @return the view after the event; {@code view} is null before the request was submitted. */
    public static RequestView apply(RequestView view, Object event, EventContext context) {
        if (event instanceof RequestSubmitted submitted) {
            return submitted(submitted, context);
        }
        if (view == null) {
            return null;
        }
        RequestView.Builder next = view.toBuilder().version(context.sequence());
        @SuppressWarnings("unchecked")
        Handler<Object> handler = (Handler<Object>) HANDLERS.get(event.getClass());
        if (handler == null) {
            // not about what this view shows: only the version moves on
            return next.build();
        }
        next.updatedAt(context.occurredAt());
        if (context.byCoordinator()) {
            // a coordinator acted on the request: neither an answer nor an escalation waits for one any more
            next.clarificationAnswered(false).escalated(false);
        }
        handler.apply(event, next, context);
        return next.build();
    }

    private static RequestView submitted(RequestSubmitted e, EventContext context) {
        var study = e.study();
        return RequestView.builder().id(e.requestId()).reference(e.reference()).status(RequestStatus.SUBMITTED)
                .title(study.title()).acronym(study.acronym()).studyPhase(study.studyPhase())
                .sponsor(study.sponsor()).therapeuticArea(study.therapeuticArea())
                .fundingStatus(study.fundingStatus()).plannedStartDate(study.plannedStartDate())
                .countries(study.countries()).plannedSites(study.plannedSites()).description(study.description())
                .services(e.services()).contact(ContactView.of(e.contact())).investigatorId(e.investigatorId())
                .submittedAt(context.occurredAt()).updatedAt(context.occurredAt()).version(context.sequence())
                .build();
    }

    private static void clarificationRequested(ClarificationRequested e, RequestView.Builder view,
                                               EventContext context) {
        view.status(RequestStatus.AWAITING_INFO).addClarification(new ClarificationView(e.clarificationId(),
                e.question(), e.askedBy(), e.askedByRole() == null ? null : e.askedByRole().name(), context.occurredAt(),
                null, null));
    }

    private static void clarificationAnswered(ClarificationAnswered e, RequestView.Builder view,
                                              EventContext context) {
        view.status(e.resumedStatus())
                .changeClarification(e.clarificationId(), c -> c.answeredWith(e.answer(), context.occurredAt()));
        view.clarificationAnswered(view.clarifications().stream()
                .anyMatch(c -> c.id().equals(e.clarificationId()) && "COORDINATOR".equals(c.askedByRole())));
    }

    private static void accepted(RequestAccepted e, RequestView.Builder view, EventContext context) {
        view.status(RequestStatus.ACCEPTED).priority(e.priority()).acceptanceNote(e.note())
                .triagedAt(context.occurredAt());
    }

    private static void rejected(RequestRejected e, RequestView.Builder view, EventContext context) {
        view.status(RequestStatus.REJECTED).rejectionReason(e.reason()).triagedAt(context.occurredAt())
                .closedAt(context.occurredAt());
    }

    private static void serviceAssigned(ServiceAssigned e, RequestView.Builder view, EventContext context) {
        view.addAssignment(AssignmentView.pending(e.assignmentId(), e.service(), e.hospital(), e.note(),
                context.occurredAt()));
        if (view.status() == RequestStatus.ACCEPTED) {
            view.status(RequestStatus.IN_PROGRESS);
        }
    }

    private static void completed(RequestCompleted e, RequestView.Builder view, EventContext context) {
        view.status(RequestStatus.COMPLETED).outcome(e.outcome()).closedAt(context.occurredAt());
    }

    private static void withdrawn(RequestWithdrawn e, RequestView.Builder view, EventContext context) {
        view.status(RequestStatus.WITHDRAWN).withdrawalReason(e.reason()).closedAt(context.occurredAt())
                .clarificationAnswered(false).escalated(false);
    }
}
