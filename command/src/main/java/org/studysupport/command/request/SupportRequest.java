package org.studysupport.command.request;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;
import org.studysupport.api.assignment.AcknowledgeAssignment;
import org.studysupport.api.assignment.AssignService;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.CancelAssignment;
import org.studysupport.api.assignment.CompleteAssignment;
import org.studysupport.api.assignment.DeclineAssignment;
import org.studysupport.api.assignment.ReassignAssignment;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.reference.Hospital;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.AcceptRequest;
import org.studysupport.api.request.AddComment;
import org.studysupport.api.request.AnswerClarification;
import org.studysupport.api.request.AskClarification;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.CompleteRequest;
import org.studysupport.api.request.RejectRequest;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.RequestWithdrawn;
import org.studysupport.api.request.SubmitRequest;
import org.studysupport.api.request.WithdrawRequest;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;
import org.studysupport.api.security.Scope;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.RequestEscalated;
import org.studysupport.api.sla.SlaClockBreached;
import org.studysupport.api.sla.SlaClockPaused;
import org.studysupport.api.sla.SlaClockResumed;
import org.studysupport.api.sla.SlaClockStarted;
import org.studysupport.api.sla.SlaClockStopped;
import org.studysupport.api.sla.SlaWarningRaised;
import org.studysupport.command.metadata.ActingUser;
import org.studysupport.command.metadata.SystemActor;
import org.studysupport.command.privacy.ContactSealer;
import org.studysupport.command.sla.SlaClocks;
import org.studysupport.command.sla.SlaDeadline;
import org.studysupport.command.sla.SlaDeadlineIds;
import org.studysupport.command.sla.SlaDeadlines;
import org.studysupport.command.sla.SlaTargets;
import org.studysupport.command.reference.ReferenceNumbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A study support request: the consistency boundary for its status, its clarifications and the
 * assignments of its services to partner hospitals. Every command handler checks the rules of the
 * request and assignment life cycles and returns the request's version after the change, so that
 * callers can wait for the read model to catch up with exactly that version. Who may act comes
 * from the {@link Action} policy; the request decides the scope the policy names (the owner, the
 * hospital of an assignment) against its own state.
 *
 * <p>It also keeps the request's service-level clocks ({@link SlaClocks}): the events that start,
 * pause, resume and stop them are applied in the same command handler, right after the event that
 * causes them, and their warning and breach deadlines ({@link SlaDeadlines}) follow; when a deadline
 * falls due, the system (not a user) records the warning or the breach and the escalation.
 */
@Aggregate(snapshotTriggerDefinition = "supportRequestSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SupportRequest {

    /** The languages messages to an investigator are written in (see {@code RequestSubmitted.language}). */
    static final List<String> SUPPORTED_LANGUAGES = List.of("nb", "en");

    @AggregateIdentifier
    private UUID requestId;
    private String investigatorId;
    private RequestStatus status;
    /** While AWAITING_INFO: the status the request returns to when the question is answered. */
    private RequestStatus resumeStatus;
    private List<ServiceCode> services = new ArrayList<>();
    private UUID openClarificationId;
    private Set<UUID> clarificationIds = new HashSet<>();
    private Set<UUID> commentIds = new HashSet<>();
    /** Once accepted: the priority the coordinator gave, which the hospitals' targets depend on. */
    private Priority priority;
    private SlaClocks clocks = new SlaClocks();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, Assignment> assignments = new LinkedHashMap<>();

    protected SupportRequest() {
        // for Axon and snapshots
    }

    @CommandHandler
    public SupportRequest(SubmitRequest command, MetaData metaData, ReferenceNumbers referenceNumbers,
                          SlaTargets targets, DeadlineManager deadlines, SlaDeadlineIds deadlineIds,
                          ContactSealer contacts) {
        Actor actor = ActingUser.from(metaData);
        Action.SUBMIT_REQUEST.requireRole(actor);
        if (command.services().isEmpty()) {
            throw new InvalidInputException("services", "at least one service must be requested");
        }
        if (Set.copyOf(command.services()).size() != command.services().size()) {
            throw new InvalidInputException("services", "each service may be requested once");
        }
        if (command.contact() == null) {
            throw new InvalidInputException("contact", "a contact is required");
        }
        if (command.language() != null && !SUPPORTED_LANGUAGES.contains(command.language())) {
            throw new InvalidInputException("language", "must be one of " + SUPPORTED_LANGUAGES);
        }
        // the contact is personal data: only its sealed form goes into the event (see ContactSealer)
        apply(new RequestSubmitted(command.requestId(), referenceNumbers.next(), actor.id(), command.study(),
                command.services(), contacts.seal(command.requestId(), actor.id(), command.contact()),
                command.language()));
        // (the identifier from the command: while the request is created, its fields are not set yet)
        applyClockEvents(clocks.start(command.requestId(), Clock.TRIAGE, null, null, null, null, now(), false,
                SlaClocks.Definitions.of(targets)),
                new SlaDeadlines.Schedule(command.requestId(), scope(command.requestId()), deadlines, deadlineIds));
    }

    @CommandHandler
    public long handle(AskClarification command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        Actor actor = ActingUser.from(metaData);
        authorize(Action.ASK_CLARIFICATION, actor, null);
        requireNotFinal("ask for clarification");
        if (status == RequestStatus.AWAITING_INFO) {
            throw new ActionNotAllowedException("The request already waits for the answer to a question.");
        }
        requireText("question", command.question());
        requireNewId(command.clarificationId(), clarificationIds, "clarification");
        apply(new ClarificationRequested(requestId, command.clarificationId(), command.question(), actor.id(),
                actor.role(), actor.hospital(), status));
        applyClockEvents(clocks.pauseAll(requestId, now()), schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(AnswerClarification command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        Actor actor = ActingUser.from(metaData);
        authorize(Action.ANSWER_CLARIFICATION, actor, null);
        requireText("answer", command.answer());
        if (!clarificationIds.contains(command.clarificationId())) {
            throw new UnknownEntityException("No clarification " + command.clarificationId() + " on this request.");
        }
        if (!command.clarificationId().equals(openClarificationId)) {
            throw new ActionNotAllowedException("This clarification is not waiting for an answer.");
        }
        apply(new ClarificationAnswered(requestId, command.clarificationId(), command.answer(), resumeStatus));
        applyClockEvents(clocks.resumeAll(requestId, now()), schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(AcceptRequest command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        authorize(Action.ACCEPT_REQUEST, ActingUser.from(metaData), null);
        requireStatus(RequestStatus.SUBMITTED, "accepted");
        if (command.priority() == null) {
            throw new InvalidInputException("priority", "a priority is required");
        }
        apply(new RequestAccepted(requestId, command.priority(), command.note()));
        applyClockEvents(clocks.stop(requestId, Clock.TRIAGE, null, now()), schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(RejectRequest command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        authorize(Action.REJECT_REQUEST, ActingUser.from(metaData), null);
        requireStatus(RequestStatus.SUBMITTED, "rejected");
        requireText("reason", command.reason());
        apply(new RequestRejected(requestId, command.reason()));
        applyClockEvents(clocks.stopAll(requestId, now()), schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(AssignService command, MetaData metaData, HospitalDirectory hospitals, SlaTargets targets,
                       DeadlineManager deadlines, SlaDeadlineIds deadlineIds) {
        authorize(Action.ASSIGN_SERVICE, ActingUser.from(metaData), null);
        requireWorkable("have services assigned");
        ServiceCode service = command.service();
        if (!services.contains(service)) {
            throw new ActionNotAllowedException("The request did not ask for " + service + ".");
        }
        requireHospitalOffering(hospitals, command.hospital(), service);
        if (openAssignmentFor(service) != null) {
            throw new ActionNotAllowedException(service + " already has an open assignment; reassign or cancel it.");
        }
        requireNewId(command.assignmentId(), assignments.keySet(), "assignment");
        apply(new ServiceAssigned(requestId, command.assignmentId(), service, command.hospital(), command.note()));
        startHospitalResponse(assignment(command.assignmentId()), now(), targets, schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(AcknowledgeAssignment command, MetaData metaData, SlaTargets targets,
                       DeadlineManager deadlines, SlaDeadlineIds deadlineIds) {
        Assignment assignment = assignment(command.assignmentId());
        authorize(Action.ACKNOWLEDGE_ASSIGNMENT, ActingUser.from(metaData), assignment);
        assignment.acknowledge();
        Instant now = now(); // one moment for the whole command: one clock stops as the next starts
        applyClockEvents(clocks.stop(requestId, Clock.HOSPITAL_RESPONSE, assignment.id(), now),
                schedule(deadlines, deadlineIds));
        applyClockEvents(clocks.start(requestId, Clock.DELIVERY, assignment.id(), assignment.hospital(),
                assignment.service(), priority, now, status == RequestStatus.AWAITING_INFO,
                SlaClocks.Definitions.of(targets)), schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeclineAssignment command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        requireText("reason", command.reason());
        Assignment assignment = assignment(command.assignmentId());
        authorize(Action.DECLINE_ASSIGNMENT, ActingUser.from(metaData), assignment);
        assignment.decline(command.reason());
        applyClockEvents(clocks.stopAssignment(requestId, command.assignmentId(), now()),
                schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(CompleteAssignment command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        requireText("summary", command.summary());
        Assignment assignment = assignment(command.assignmentId());
        authorize(Action.COMPLETE_ASSIGNMENT, ActingUser.from(metaData), assignment);
        assignment.complete(command.summary());
        applyClockEvents(clocks.stopAssignment(requestId, command.assignmentId(), now()),
                schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReassignAssignment command, MetaData metaData, HospitalDirectory hospitals,
                       SlaTargets targets, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        authorize(Action.REASSIGN_ASSIGNMENT, ActingUser.from(metaData), null);
        requireText("reason", command.reason());
        Assignment current = assignment(command.assignmentId());
        requireHospitalOffering(hospitals, command.hospital(), current.service());
        requireNewId(command.newAssignmentId(), assignments.keySet(), "assignment");
        current.reassign(command.newAssignmentId(), command.hospital(), command.reason());
        Instant now = now(); // one moment for the whole command: the old clock stops as the new one starts
        applyClockEvents(clocks.stopAssignment(requestId, current.id(), now), schedule(deadlines, deadlineIds));
        apply(new ServiceAssigned(requestId, command.newAssignmentId(), current.service(), command.hospital(),
                null));
        startHospitalResponse(assignment(command.newAssignmentId()), now, targets, schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(CancelAssignment command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        authorize(Action.CANCEL_ASSIGNMENT, ActingUser.from(metaData), null);
        requireText("reason", command.reason());
        assignment(command.assignmentId()).cancel(command.reason());
        applyClockEvents(clocks.stopAssignment(requestId, command.assignmentId(), now()),
                schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(CompleteRequest command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        authorize(Action.COMPLETE_REQUEST, ActingUser.from(metaData), null);
        requireText("outcome", command.outcome());
        if (status != RequestStatus.ACCEPTED && status != RequestStatus.IN_PROGRESS) {
            throw new ActionNotAllowedException(
                    "A " + status + " request cannot be completed; it must be ACCEPTED or IN_PROGRESS.");
        }
        List<ServiceCode> open = assignments.values().stream().filter(Assignment::isOpen)
                .map(Assignment::service).toList();
        if (!open.isEmpty()) {
            throw new ActionNotAllowedException("Assignments are still open for " + open
                    + "; complete, cancel or wait for them first.");
        }
        apply(new RequestCompleted(requestId, command.outcome()));
        applyClockEvents(clocks.stopAll(requestId, now()), schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(WithdrawRequest command, MetaData metaData, DeadlineManager deadlines,
                       SlaDeadlineIds deadlineIds) {
        Actor actor = ActingUser.from(metaData);
        authorize(Action.WITHDRAW_REQUEST, actor, null);
        requireText("reason", command.reason());
        requireNotFinal("be withdrawn");
        for (Assignment open : assignments.values().stream().filter(Assignment::isOpen).toList()) {
            apply(new AssignmentCancelled(requestId, open.id(), open.service(), open.hospital(),
                    "Request withdrawn by its investigator: " + command.reason()));
        }
        apply(new RequestWithdrawn(requestId, command.reason(), status));
        applyClockEvents(clocks.stopAll(requestId, now()), schedule(deadlines, deadlineIds));
        return getVersion();
    }

    @CommandHandler
    public long handle(AddComment command, MetaData metaData) {
        Actor actor = ActingUser.from(metaData);
        authorize(Action.COMMENT, actor, null);
        if (actor.is(Role.INVESTIGATOR) && command.visibility() == CommentVisibility.INTERNAL) {
            throw new NotPermittedException("Investigators write PUBLIC comments only.");
        }
        requireText("text", command.text());
        if (command.visibility() == null) {
            throw new InvalidInputException("visibility", "visibility is required");
        }
        requireNewId(command.commentId(), commentIds, "comment");
        apply(new CommentAdded(requestId, command.commentId(), command.text(), command.visibility(), actor.id()));
        return getVersion();
    }

    // --- service-level clocks ---

    /** The system records a warning when 75 % of a clock's target elapsed, unless the deadline is stale. */
    @DeadlineHandler(deadlineName = SlaDeadlines.WARNING)
    void onWarningDue(SlaDeadline deadline) {
        applyClockEvents(clocks.warningDue(requestId, deadline.clock(), deadline.assignmentId(), deadline.at()), null);
    }

    /** The system records a breach and escalates the request when a clock's target elapsed, unless stale. */
    @DeadlineHandler(deadlineName = SlaDeadlines.BREACH)
    void onBreachDue(SlaDeadline deadline) {
        applyClockEvents(clocks.breachDue(requestId, deadline.clock(), deadline.assignmentId(), deadline.at()), null);
    }

    private void startHospitalResponse(Assignment assignment, Instant now, SlaTargets targets,
                                       SlaDeadlines.Schedule schedule) {
        applyClockEvents(clocks.start(requestId, Clock.HOSPITAL_RESPONSE, assignment.id(), assignment.hospital(),
                assignment.service(), priority, now, status == RequestStatus.AWAITING_INFO,
                SlaClocks.Definitions.of(targets)), schedule);
    }

    /**
     * Applies the clocks' events one by one; warnings, breaches and escalations as the system's, with
     * their reason, whatever command or deadline they happen in. Then the deadlines follow the clocks
     * (not needed after a deadline: warnings and breaches leave nothing to schedule or cancel).
     */
    private void applyClockEvents(List<Object> events, SlaDeadlines.Schedule schedule) {
        for (Object event : events) {
            MetaData system = systemMetaData(event);
            if (system == null) {
                apply(event);
            } else {
                apply(event, system);
            }
        }
        if (schedule != null) {
            SlaDeadlines.follow(events, clocks, schedule);
        }
    }

    /** Where this request's deadlines go. */
    private SlaDeadlines.Schedule schedule(DeadlineManager deadlines, SlaDeadlineIds deadlineIds) {
        return new SlaDeadlines.Schedule(requestId, scope(requestId), deadlines, deadlineIds);
    }

    private static AggregateScopeDescriptor scope(UUID requestId) {
        return new AggregateScopeDescriptor(SupportRequest.class.getSimpleName(), requestId.toString());
    }

    private static MetaData systemMetaData(Object event) {
        if (event instanceof SlaWarningRaised warning) {
            return SystemActor.metaData(SlaDeadlines.warningReason(warning.clock()));
        }
        if (event instanceof SlaClockBreached breach) {
            return SystemActor.metaData(SlaDeadlines.breachReason(breach.clock()));
        }
        if (event instanceof RequestEscalated escalation) {
            return SystemActor.metaData(SlaDeadlines.breachReason(escalation.clock()));
        }
        return null;
    }

    /** Now, as Axon stamps events (the test fixture sets this clock). */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // --- rules shared by several commands ---

    /**
     * Who may act: the roles come from the {@link Action} policy; the scope it names for the actor's
     * role is decided here, against this request's state.
     *
     * @param assignment the assignment acted on, for actions on one; null otherwise
     */
    private void authorize(Action action, Actor actor, Assignment assignment) {
        Scope scope = action.requireRole(actor);
        boolean inScope = switch (scope) {
            case ANY -> true;
            case OWN_REQUEST -> actor.id().equals(investigatorId);
            case ASSIGNMENT_AT_OWN_HOSPITAL -> hasAssignmentAt(actor.hospital());
            case OPEN_ASSIGNMENT_AT_OWN_HOSPITAL -> hasOpenAssignmentAt(actor.hospital());
            case HOSPITAL_OF_ASSIGNMENT -> assignment != null && actor.actsFor(assignment.hospital());
            case VISIBLE, OWN_HOSPITAL -> throw new IllegalStateException(
                    action + " for " + actor.role() + " is not decided by a request");
        };
        if (!inScope) {
            throw new NotPermittedException(outOfScope(scope, action, assignment));
        }
    }

    private static String outOfScope(Scope scope, Action action, Assignment assignment) {
        return switch (scope) {
            case OWN_REQUEST -> "Only the investigator who submitted the request may " + action.description() + ".";
            case ASSIGNMENT_AT_OWN_HOSPITAL ->
                    "Only hospitals with an assignment on this request may " + action.description() + ".";
            case OPEN_ASSIGNMENT_AT_OWN_HOSPITAL ->
                    "Only hospitals with an open assignment on this request may " + action.description() + ".";
            case HOSPITAL_OF_ASSIGNMENT -> "Only staff of " + assignment.hospital() + " may act on this assignment.";
            default -> "You may not " + action.description() + " on this request.";
        };
    }

    private void requireStatus(RequestStatus expected, String action) {
        if (status != expected) {
            throw new ActionNotAllowedException(
                    "A " + status + " request cannot be " + action + "; it must be " + expected + ".");
        }
    }

    private void requireNotFinal(String action) {
        if (status.isFinal()) {
            throw new ActionNotAllowedException("The request is " + status + " and cannot " + action + ".");
        }
    }

    /** Assignments are worked on once accepted, also while a clarification is open. */
    private void requireWorkable(String action) {
        RequestStatus effective = status == RequestStatus.AWAITING_INFO ? resumeStatus : status;
        if (effective != RequestStatus.ACCEPTED && effective != RequestStatus.IN_PROGRESS) {
            throw new ActionNotAllowedException(
                    "A " + status + " request cannot " + action + "; it must be accepted first and not closed.");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
    }

    private static void requireNewId(UUID id, Set<UUID> known, String kind) {
        if (id == null) {
            throw new InvalidInputException(kind + "Id", "an id is required");
        }
        if (known.contains(id)) {
            throw new ActionNotAllowedException("The " + kind + " " + id + " already exists.");
        }
    }

    private static void requireHospitalOffering(HospitalDirectory hospitals, String code, ServiceCode service) {
        Hospital hospital = hospitals.find(code)
                .orElseThrow(() -> new InvalidInputException("hospital", "unknown hospital " + code));
        if (!hospital.offers(service)) {
            throw new ActionNotAllowedException(hospital.code() + " does not offer " + service + ".");
        }
        if (!hospital.acceptingRequests()) {
            throw new ActionNotAllowedException(hospital.code() + " does not accept requests at the moment.");
        }
    }

    private Assignment assignment(UUID assignmentId) {
        Assignment assignment = assignments.get(assignmentId);
        if (assignment == null) {
            throw new UnknownEntityException("No assignment " + assignmentId + " on this request.");
        }
        return assignment;
    }

    private Assignment openAssignmentFor(ServiceCode service) {
        return assignments.values().stream()
                .filter(a -> a.service() == service && a.isOpen())
                .findFirst().orElse(null);
    }

    private boolean hasOpenAssignmentAt(String hospital) {
        return assignments.values().stream().anyMatch(a -> a.isOpen() && a.hospital().equals(hospital));
    }

    private boolean hasAssignmentAt(String hospital) {
        return assignments.values().stream().anyMatch(a -> a.hospital().equals(hospital));
    }

    // --- state changes, from events only ---

    @EventSourcingHandler
    void on(RequestSubmitted event) {
        requestId = event.requestId();
        investigatorId = event.investigatorId();
        services = new ArrayList<>(event.services());
        status = RequestStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ClarificationRequested event) {
        clarificationIds.add(event.clarificationId());
        openClarificationId = event.clarificationId();
        resumeStatus = event.resumeStatus();
        status = RequestStatus.AWAITING_INFO;
    }

    @EventSourcingHandler
    void on(ClarificationAnswered event) {
        openClarificationId = null;
        status = event.resumedStatus();
        resumeStatus = null;
    }

    @EventSourcingHandler
    void on(RequestAccepted event) {
        status = RequestStatus.ACCEPTED;
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(RequestRejected event) {
        status = RequestStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ServiceAssigned event) {
        assignments.put(event.assignmentId(),
                new Assignment(requestId, event.assignmentId(), event.service(), event.hospital()));
        if (status == RequestStatus.ACCEPTED) {
            status = RequestStatus.IN_PROGRESS;
        } else if (status == RequestStatus.AWAITING_INFO && resumeStatus == RequestStatus.ACCEPTED) {
            resumeStatus = RequestStatus.IN_PROGRESS;
        }
    }

    @EventSourcingHandler
    void on(RequestCompleted event) {
        status = RequestStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(RequestWithdrawn event) {
        status = RequestStatus.WITHDRAWN;
        openClarificationId = null;
        resumeStatus = null;
    }

    @EventSourcingHandler
    void on(CommentAdded event) {
        commentIds.add(event.commentId());
    }

    @EventSourcingHandler
    void on(SlaClockStarted event) {
        clocks.on(event);
    }

    @EventSourcingHandler
    void on(SlaClockPaused event) {
        clocks.on(event);
    }

    @EventSourcingHandler
    void on(SlaClockResumed event) {
        clocks.on(event);
    }

    @EventSourcingHandler
    void on(SlaWarningRaised event) {
        clocks.on(event);
    }

    @EventSourcingHandler
    void on(SlaClockBreached event) {
        clocks.on(event);
    }

    @EventSourcingHandler
    void on(SlaClockStopped event) {
        clocks.on(event);
    }
}
