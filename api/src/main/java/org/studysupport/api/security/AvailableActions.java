package org.studysupport.api.security;

import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.ClarificationView;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.RequestStatus;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The actions a user may take on one request as it stands, worked out from the request's view: who
 * may act comes from the {@link Action} policy ({@link Action#scopeFor}), the scope it names is
 * decided against the view (owner, hospitals of the assignments), and the state rules are those the
 * request and its assignments keep (product.md, "A request's life"). The request's page offers
 * exactly these, and a test holds them against the authorization matrix, so that a page never offers
 * what the request would refuse nor hides what it would allow. The request still decides: an offer
 * made on a view that another user changed since may be refused, and the refusal is shown.
 *
 * @param onRequest          the actions on the request itself (ask, answer, accept, reject, assign,
 *                           complete, withdraw, comment)
 * @param onAssignments      per assignment id, the actions on that assignment (acknowledge, decline,
 *                           complete, reassign, cancel); assignments with none are absent
 * @param assignableServices the requested services that may be assigned now (none has an open assignment)
 * @param openClarification  the question waiting for the investigator's answer; null when none does
 * @param internalComments   whether the user may write INTERNAL comments as well as PUBLIC ones
 */
public record AvailableActions(Set<Action> onRequest, Map<UUID, Set<Action>> onAssignments,
                               List<ServiceCode> assignableServices, UUID openClarification,
                               boolean internalComments) {

    public AvailableActions {
        onRequest = onRequest.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(onRequest));
        onAssignments = Collections.unmodifiableMap(new LinkedHashMap<>(onAssignments));
        assignableServices = List.copyOf(assignableServices);
    }

    /** What the actor may do on the request as the view shows it. */
    public static AvailableActions of(RequestView request, Actor actor) {
        RequestStatus status = request.status();
        Set<Action> onRequest = EnumSet.noneOf(Action.class);
        ClarificationView open = status == RequestStatus.AWAITING_INFO ? openClarification(request) : null;
        List<ServiceCode> assignable = workable(request) ? servicesWithoutOpenAssignment(request) : List.of();

        offerIf(onRequest, Action.ASK_CLARIFICATION, !status.isFinal() && status != RequestStatus.AWAITING_INFO,
                request, actor);
        offerIf(onRequest, Action.ANSWER_CLARIFICATION, open != null, request, actor);
        offerIf(onRequest, Action.ACCEPT_REQUEST, status == RequestStatus.SUBMITTED, request, actor);
        offerIf(onRequest, Action.REJECT_REQUEST, status == RequestStatus.SUBMITTED, request, actor);
        offerIf(onRequest, Action.ASSIGN_SERVICE, !assignable.isEmpty(), request, actor);
        offerIf(onRequest, Action.COMPLETE_REQUEST, (status == RequestStatus.ACCEPTED
                || status == RequestStatus.IN_PROGRESS) && openAssignments(request).isEmpty(), request, actor);
        offerIf(onRequest, Action.WITHDRAW_REQUEST, !status.isFinal(), request, actor);
        offerIf(onRequest, Action.COMMENT, true, request, actor);

        Map<UUID, Set<Action>> onAssignments = new LinkedHashMap<>();
        for (AssignmentView assignment : request.assignments()) {
            Set<Action> actions = onAssignment(request, assignment, actor);
            if (!actions.isEmpty()) {
                onAssignments.put(assignment.id(), actions);
            }
        }
        boolean internal = onRequest.contains(Action.COMMENT) && !actor.is(Role.INVESTIGATOR);
        return new AvailableActions(onRequest, onAssignments,
                onRequest.contains(Action.ASSIGN_SERVICE) ? assignable : List.of(),
                onRequest.contains(Action.ANSWER_CLARIFICATION) ? open.id() : null, internal);
    }

    /** Whether the action on the request is offered; by its name, for the templates. */
    public boolean offers(String action) {
        return onRequest.contains(Action.valueOf(action));
    }

    /** Whether the action on the given assignment is offered; by its name, for the templates. */
    public boolean offers(String action, UUID assignmentId) {
        return onAssignments.getOrDefault(assignmentId, Set.of()).contains(Action.valueOf(action));
    }

    /** Whether anything at all may be done on the given assignment. */
    public boolean anyOn(UUID assignmentId) {
        return onAssignments.containsKey(assignmentId);
    }

    private static Set<Action> onAssignment(RequestView request, AssignmentView assignment, Actor actor) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        AssignmentStatus status = assignment.status();
        offerIf(actions, Action.ACKNOWLEDGE_ASSIGNMENT, status == AssignmentStatus.PENDING, request, assignment, actor);
        offerIf(actions, Action.DECLINE_ASSIGNMENT, status == AssignmentStatus.PENDING, request, assignment, actor);
        offerIf(actions, Action.COMPLETE_ASSIGNMENT, status == AssignmentStatus.ACTIVE, request, assignment, actor);
        offerIf(actions, Action.REASSIGN_ASSIGNMENT, status.isOpen(), request, assignment, actor);
        offerIf(actions, Action.CANCEL_ASSIGNMENT, status.isOpen(), request, assignment, actor);
        return actions;
    }

    private static void offerIf(Set<Action> offered, Action action, boolean stateAllows, RequestView request,
                                Actor actor) {
        offerIf(offered, action, stateAllows, request, null, actor);
    }

    private static void offerIf(Set<Action> offered, Action action, boolean stateAllows, RequestView request,
                                AssignmentView assignment, Actor actor) {
        if (stateAllows && inScope(action, request, assignment, actor)) {
            offered.add(action);
        }
    }

    /**
     * Whether the actor's role is granted the action and the scope the policy names for it covers
     * this request, decided against the view as the request decides it; also for reads such as
     * {@link Action#READ_HISTORY}.
     */
    public static boolean inScope(Action action, RequestView request, Actor actor) {
        return inScope(action, request, null, actor);
    }

    private static boolean inScope(Action action, RequestView request, AssignmentView assignment, Actor actor) {
        return action.scopeFor(actor.role()).map(scope -> switch (scope) {
            case ANY -> true;
            case OWN_REQUEST -> actor.id().equals(request.investigatorId());
            case ASSIGNMENT_AT_OWN_HOSPITAL -> request.assignments().stream()
                    .anyMatch(a -> actor.actsFor(a.hospital()));
            case OPEN_ASSIGNMENT_AT_OWN_HOSPITAL -> openAssignments(request).stream()
                    .anyMatch(a -> actor.actsFor(a.hospital()));
            case HOSPITAL_OF_ASSIGNMENT -> assignment != null && actor.actsFor(assignment.hospital());
            // not scopes of an action on a request: nothing to offer on one
            case VISIBLE, OWN_HOSPITAL -> false;
        }).orElse(false);
    }

    /** Assignments are worked on once the request is accepted and not closed, also while a question is open. */
    private static boolean workable(RequestView request) {
        return switch (request.status()) {
            case ACCEPTED, IN_PROGRESS -> true;
            // waiting for an answer: workable when the question came after the acceptance, which set the priority
            case AWAITING_INFO -> request.priority() != null;
            default -> false;
        };
    }

    private static List<ServiceCode> servicesWithoutOpenAssignment(RequestView request) {
        return request.services().stream()
                .filter(service -> openAssignments(request).stream().noneMatch(a -> a.service() == service))
                .toList();
    }

    private static List<AssignmentView> openAssignments(RequestView request) {
        return request.assignments().stream().filter(a -> a.status().isOpen()).toList();
    }

    private static ClarificationView openClarification(RequestView request) {
        return request.clarifications().stream().filter(c -> c.answer() == null).reduce((a, b) -> b).orElse(null);
    }
}
