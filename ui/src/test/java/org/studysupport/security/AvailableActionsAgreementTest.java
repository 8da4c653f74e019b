package org.studysupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.reference.Hospital;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.AvailableActions;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AvailableActions}, which decides the actions a request's page offers, agrees with the
 * request itself: in every state of the authorization matrix ({@code authorization-matrix.csv},
 * {@link MatrixState}) and for every demo user, an action is offered exactly when the application
 * lets that user take it. First against the matrix's rows (which {@link AuthorizationMatrixTest}
 * holds against the running application); then, for every action in every state of the matrix and a
 * few more, whether or not the matrix has a row for it, by taking it through the API: an offered action succeeds on a request
 * freshly prepared in that state, an action not offered is refused and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvailableActionsAgreementTest extends PostgresApiTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.read();
    private static final String ANONYMOUS = "anonymous";

    /** The action each action endpoint of the matrix takes. */
    private static final Map<String, Action> ACTIONS = Map.ofEntries(
            Map.entry("POST /api/requests/{id}/clarifications", Action.ASK_CLARIFICATION),
            Map.entry("POST /api/requests/{id}/clarifications/{clarificationId}/answer", Action.ANSWER_CLARIFICATION),
            Map.entry("POST /api/requests/{id}/accept", Action.ACCEPT_REQUEST),
            Map.entry("POST /api/requests/{id}/reject", Action.REJECT_REQUEST),
            Map.entry("POST /api/requests/{id}/assignments", Action.ASSIGN_SERVICE),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/acknowledge", Action.ACKNOWLEDGE_ASSIGNMENT),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/decline", Action.DECLINE_ASSIGNMENT),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/complete", Action.COMPLETE_ASSIGNMENT),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/reassign", Action.REASSIGN_ASSIGNMENT),
            Map.entry("POST /api/requests/{id}/assignments/{assignmentId}/cancel", Action.CANCEL_ASSIGNMENT),
            Map.entry("POST /api/requests/{id}/complete", Action.COMPLETE_REQUEST),
            Map.entry("POST /api/requests/{id}/withdraw", Action.WITHDRAW_REQUEST),
            Map.entry("POST /api/requests/{id}/comments", Action.COMMENT));

    /** The service the matrix's assignment row assigns (AuthorizationMatrixTest's body). */
    private static final ServiceCode MATRIX_ASSIGNED_SERVICE = ServiceCode.MONITORING;

    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    HospitalDirectory hospitals;

    private final Map<MatrixState, Map<String, String>> prepared = new EnumMap<>(MatrixState.class);

    @Test
    void everyMatrixRowOfAnActionSucceedsExactlyForTheCallersItIsOfferedTo() {
        List<String> disagreements = new ArrayList<>();
        int cells = 0;
        for (AuthorizationMatrix.Row row : MATRIX.rows()) {
            Action action = ACTIONS.get(row.key());
            if (action == null) {
                continue;
            }
            MatrixState state = MatrixState.valueOf(row.state());
            Map<String, String> variables = prepared.computeIfAbsent(state, this::prepare);
            for (String caller : MATRIX.callers()) {
                if (caller.equals(ANONYMOUS)) {
                    continue;
                }
                int status = row.expected().get(caller);
                boolean succeeds = status >= 200 && status < 300;
                boolean offered = offeredInMatrixCell(caller, variables, row.key(), action);
                cells++;
                if (succeeds != offered) {
                    disagreements.add(row + " as " + caller + ": the matrix says " + status + ", the page "
                            + (offered ? "offers it" : "does not offer it"));
                }
            }
        }
        assertThat(cells).as("matrix cells of actions compared").isGreaterThan(200);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void inEveryStateEveryActionOfferedSucceedsAndEveryOtherIsRefused() {
        List<String> disagreements = new ArrayList<>();
        int attempts = 0;
        for (State state : states()) {
            Map<String, String> shared = state.prepare();
            RequestView whole = view("coordinator", shared.get("id"));
            for (String caller : MATRIX.callers()) {
                if (caller.equals(ANONYMOUS)) {
                    continue;
                }
                RequestView seen = view(caller, shared.get("id"));
                AvailableActions offers = seen == null ? null : AvailableActions.of(seen, actorOf(caller));
                for (Attempt attempt : attempts(whole)) {
                    boolean offered = offers != null && attempt.offered().test(offers);
                    String id = offered ? state.prepare().get("id") : shared.get("id");
                    RequestView target = offered ? view("coordinator", id) : whole;
                    long versionBefore = target.version();
                    Api.Answer answer = as(caller).post(attempt.path(target), attempt.body());
                    attempts++;
                    String cell = state + ", " + caller + ", " + attempt.name() + ": offered " + offered
                            + ", answered " + answer.status() + " " + answer.body();
                    if (offered && answer.status() != 200) {
                        disagreements.add(cell);
                    }
                    if (!offered) {
                        if (answer.status() < 400) {
                            disagreements.add(cell);
                        } else if (view("coordinator", id).version() != versionBefore) {
                            disagreements.add(cell + " (and the refusal changed the request)");
                        }
                    }
                }
            }
        }
        assertThat(attempts).as("actions taken").isGreaterThan(500);
        assertThat(disagreements).isEmpty();
    }

    /** A state to prepare requests in, afresh for each call that should succeed. */
    private record State(String name, Supplier<Map<String, String>> preparation) {
        Map<String, String> prepare() {
            return preparation.get();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The states of the matrix, and those it has no rows for: a question asked after the acceptance
     * (assignments may still be made), a question asked by a hospital, and the final states reached
     * otherwise than by completion.
     */
    private List<State> states() {
        List<State> states = new ArrayList<>();
        for (MatrixState state : MatrixState.values()) {
            if (state != MatrixState.NONE) {
                states.add(new State(state.name(), () -> prepare(state)));
            }
        }
        states.add(new State("ACCEPTED_THEN_ASKED", () -> extra("ACCEPTED_THEN_ASKED", (flow, id) -> {
            flow.accept(id, "NORMAL");
            flow.ask("coordinator", id, "Which sites?");
        })));
        states.add(new State("PENDING_AT_OUS_THEN_ASKED_BY_OUS", () -> extra("PENDING_AT_OUS_THEN_ASKED_BY_OUS",
                (flow, id) -> {
                    flow.accept(id, "NORMAL");
                    flow.assign(id, "MONITORING", "OUS");
                    flow.ask("ous-staff", id, "Which monitoring plan?");
                })));
        states.add(new State("REASSIGNED_FROM_OUS", () -> extra("REASSIGNED_FROM_OUS", (flow, id) -> {
            flow.accept(id, "NORMAL");
            String atOus = flow.assign(id, "MONITORING", "OUS");
            flow.reassign(id, atOus, offering(ServiceCode.MONITORING, "OUS"));
        })));
        states.add(new State("REJECTED", () -> extra("REJECTED", (flow, id) -> flow.reject(id))));
        states.add(new State("WITHDRAWN_WHILE_PENDING_AT_OUS", () -> extra("WITHDRAWN_WHILE_PENDING_AT_OUS",
                (flow, id) -> {
                    flow.accept(id, "NORMAL");
                    flow.assign(id, "MONITORING", "OUS");
                    flow.withdraw(MatrixState.OWNER, id);
                })));
        return states;
    }

    /** A request of the matrix's owner asking for the matrix's services, taken on as the steps say. */
    private Map<String, String> extra(String name, BiConsumer<Workflow, String> steps) {
        Workflow flow = new Workflow(port);
        String id = flow.submit(MatrixState.OWNER, unique("Offered actions " + name), "MONITORING", "DATA_MANAGEMENT")
                .path("id").asText();
        steps.accept(flow, id);
        return Map.of("id", id);
    }

    /** Whether the page offers the call of one matrix cell, to the caller, on the prepared state. */
    private boolean offeredInMatrixCell(String caller, Map<String, String> variables, String endpoint, Action action) {
        RequestView seen = view(caller, variables.get("id"));
        if (seen == null) {
            return false;
        }
        AvailableActions offers = AvailableActions.of(seen, actorOf(caller));
        if (endpoint.contains("{assignmentId}")) {
            return offers.offers(action.name(), UUID.fromString(variables.get("assignmentId")));
        }
        return switch (action) {
            case ASSIGN_SERVICE -> offers.offers(action.name())
                    && offers.assignableServices().contains(MATRIX_ASSIGNED_SERVICE);
            case ANSWER_CLARIFICATION -> offers.offers(action.name())
                    && Objects.equals(offers.openClarification(), UUID.fromString(variables.get("clarificationId")));
            default -> offers.offers(action.name());
        };
    }

    /**
     * One call to try: its name, its path on a request prepared in the state (found by position, so
     * that the same call can be made on a fresh request in the same state), its body, and whether the
     * offered actions include it.
     */
    private record Attempt(String name, PathOn path, Object body, Predicate<AvailableActions> offered) {
        String path(RequestView request) {
            return "/api/requests/" + request.id() + "/" + path.of(request);
        }
    }

    private interface PathOn {
        String of(RequestView request);
    }

    /** Every action on the request as the state shows it: each of its assignments, services and questions. */
    private List<Attempt> attempts(RequestView request) {
        List<Attempt> attempts = new ArrayList<>();
        attempts.add(new Attempt("ask", r -> "clarifications", Map.of("question", "How many sites?"),
                a -> a.offers(Action.ASK_CLARIFICATION.name())));
        int questions = request.clarifications().size();
        if (questions > 0) {
            attempts.add(new Attempt("answer",
                    r -> "clarifications/" + r.clarifications().get(questions - 1).id() + "/answer",
                    Map.of("answer", "Eight"), a -> a.openClarification() != null));
        }
        attempts.add(new Attempt("accept", r -> "accept", Map.of("priority", "HIGH"),
                a -> a.offers(Action.ACCEPT_REQUEST.name())));
        attempts.add(new Attempt("reject", r -> "reject", Map.of("reason", "Outside the network's remit"),
                a -> a.offers(Action.REJECT_REQUEST.name())));
        for (ServiceCode service : request.services()) {
            attempts.add(new Attempt("assign " + service, r -> "assignments",
                    Map.of("service", service.name(), "hospital", offering(service, null)),
                    a -> a.offers(Action.ASSIGN_SERVICE.name()) && a.assignableServices().contains(service)));
        }
        attempts.add(new Attempt("complete", r -> "complete", Map.of("outcome", "Study supported"),
                a -> a.offers(Action.COMPLETE_REQUEST.name())));
        attempts.add(new Attempt("withdraw", r -> "withdraw", Map.of("reason", "The study was cancelled"),
                a -> a.offers(Action.WITHDRAW_REQUEST.name())));
        attempts.add(new Attempt("comment", r -> "comments", Map.of("text", "A note", "visibility", "PUBLIC"),
                a -> a.offers(Action.COMMENT.name())));
        attempts.add(new Attempt("internal comment", r -> "comments",
                Map.of("text", "A note for staff", "visibility", "INTERNAL"), AvailableActions::internalComments));
        for (int index = 0; index < request.assignments().size(); index++) {
            attempts.addAll(onAssignment(request, index));
        }
        return attempts;
    }

    private List<Attempt> onAssignment(RequestView request, int index) {
        AssignmentView assignment = request.assignments().get(index);
        String name = assignment.service() + " at " + assignment.hospital() + " (" + assignment.status() + ") ";
        UUID shared = assignment.id();
        PathOn base = r -> "assignments/" + r.assignments().get(index).id() + "/";
        return List.of(
                new Attempt(name + "acknowledge", r -> base.of(r) + "acknowledge", Map.of(),
                        a -> a.offers(Action.ACKNOWLEDGE_ASSIGNMENT.name(), shared)),
                new Attempt(name + "decline", r -> base.of(r) + "decline", Map.of("reason", "No capacity"),
                        a -> a.offers(Action.DECLINE_ASSIGNMENT.name(), shared)),
                new Attempt(name + "complete", r -> base.of(r) + "complete", Map.of("summary", "Delivered"),
                        a -> a.offers(Action.COMPLETE_ASSIGNMENT.name(), shared)),
                new Attempt(name + "reassign", r -> base.of(r) + "reassign",
                        Map.of("hospital", offering(assignment.service(), assignment.hospital()),
                                "reason", "Closer to the sites"),
                        a -> a.offers(Action.REASSIGN_ASSIGNMENT.name(), shared)),
                new Attempt(name + "cancel", r -> base.of(r) + "cancel", Map.of("reason", "Not needed"),
                        a -> a.offers(Action.CANCEL_ASSIGNMENT.name(), shared)));
    }

    /** A hospital that offers the service and takes requests, other than the given one. */
    private String offering(ServiceCode service, String other) {
        return hospitals.all().stream()
                .filter(h -> h.offers(service) && h.acceptingRequests() && !h.code().equals(other))
                .map(Hospital::code)
                .findFirst().orElseThrow(() -> new IllegalStateException("no hospital offers " + service));
    }

    private Map<String, String> prepare(MatrixState state) {
        return state.prepare(new Workflow(port), unique("Offered actions " + state));
    }

    /** The request as the user sees it through the API; null when they may not see it. */
    private RequestView view(String user, String id) {
        Api.Answer answer = as(user).get("/api/requests/" + id);
        if (answer.status() == 404) {
            return null;
        }
        assertThat(answer.status()).as(user + " reads " + id + ": " + answer.body()).isEqualTo(200);
        return objectMapper.convertValue(answer.body(), RequestView.class);
    }

    private static Actor actorOf(String user) {
        UserDetails details = DemoUsers.all().stream().filter(u -> u.getUsername().equals(user)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + user));
        return CurrentActor.from(new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()))
                .orElseThrow();
    }
}
