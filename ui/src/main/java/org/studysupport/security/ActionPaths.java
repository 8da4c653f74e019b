package org.studysupport.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.studysupport.api.security.Action;

import java.util.List;

/**
 * Which {@link Action} each path and method of the HTTP API takes. The path rules grant a call to
 * the roles the action's policy names, so a role list is written once, in {@link Action}; the scope
 * the policy names for a role (the owner, the hospital of an assignment, what the caller may see)
 * is decided after this, where the state it depends on is. The first rule that matches a call
 * decides it.
 */
public final class ActionPaths {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /**
     * One rule: the calls it matches and the action they take.
     *
     * @param method the method of the calls it matches; null for every method
     */
    public record Rule(HttpMethod method, RequestMatcher calls, Action action) {
    }

    private static final List<Rule> RULES = List.of(
            post("/api/requests", Action.SUBMIT_REQUEST),
            post("/api/requests/*/clarifications/*/answer", Action.ANSWER_CLARIFICATION),
            post("/api/requests/*/clarifications", Action.ASK_CLARIFICATION),
            post("/api/requests/*/accept", Action.ACCEPT_REQUEST),
            post("/api/requests/*/reject", Action.REJECT_REQUEST),
            post("/api/requests/*/assignments", Action.ASSIGN_SERVICE),
            post("/api/requests/*/assignments/*/acknowledge", Action.ACKNOWLEDGE_ASSIGNMENT),
            post("/api/requests/*/assignments/*/decline", Action.DECLINE_ASSIGNMENT),
            post("/api/requests/*/assignments/*/complete", Action.COMPLETE_ASSIGNMENT),
            post("/api/requests/*/assignments/*/reassign", Action.REASSIGN_ASSIGNMENT),
            post("/api/requests/*/assignments/*/cancel", Action.CANCEL_ASSIGNMENT),
            post("/api/requests/*/complete", Action.COMPLETE_REQUEST),
            post("/api/requests/*/withdraw", Action.WITHDRAW_REQUEST),
            post("/api/requests/*/comments", Action.COMMENT),
            get("/api/requests", Action.READ_REQUESTS),
            get("/api/requests/*", Action.READ_REQUESTS),
            get("/api/requests/*/history", Action.READ_HISTORY),
            get("/api/requests/*/recommendations", Action.RECOMMEND_HOSPITALS),
            // with asOf, the queue as it stood then; without, today's
            new Rule(HttpMethod.GET, new AndRequestMatcher(PATHS.matcher(HttpMethod.GET, "/api/queues/triage"),
                    call -> call.getParameter("asOf") != null), Action.READ_PAST_TRIAGE_QUEUE),
            get("/api/queues/triage", Action.READ_TRIAGE_QUEUE),
            get("/api/queues/hospitals/*", Action.READ_HOSPITAL_QUEUE),
            get("/api/queues/stream", Action.FOLLOW_CHANGES),
            get("/api/services", Action.READ_REFERENCE_DATA),
            get("/api/hospitals", Action.READ_REFERENCE_DATA),
            get("/api/stats", Action.READ_STATISTICS),
            get("/api/audit/**", Action.READ_AUDIT_LOG),
            new Rule(null, PATHS.matcher("/api/admin/**"), Action.OPERATE),
            new Rule(null, PATHS.matcher("/actuator/**"), Action.OPERATE));

    private ActionPaths() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** Grants each rule's calls to the roles its action names, in order. */
    public static void authorize(
            AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Rule rule : RULES) {
            registry.requestMatchers(rule.calls()).hasAnyRole(rule.action().roleNames().toArray(String[]::new));
        }
    }

    /** Why the path rules refused a call: the roles that may take its action. */
    public static String refusal(HttpServletRequest call) {
        return RULES.stream().filter(rule -> rule.calls().matches(call)).findFirst()
                .map(rule -> rule.action().roleRefusal())
                .orElse("Your role may not do this.");
    }

    private static Rule post(String pattern, Action action) {
        return new Rule(HttpMethod.POST, PATHS.matcher(HttpMethod.POST, pattern), action);
    }

    private static Rule get(String pattern, Action action) {
        return new Rule(HttpMethod.GET, PATHS.matcher(HttpMethod.GET, pattern), action);
    }
}
