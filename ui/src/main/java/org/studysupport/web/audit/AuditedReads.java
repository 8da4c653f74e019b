package org.studysupport.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.AntPathMatcher;
import org.studysupport.query.audit.AccessTrail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which HTTP calls read the audit trail, and so belong on the access trail, with the action and
 * target each stands for. Used where a call is refused before any controller sees it (a role the
 * path does not allow), so that refused attempts are recorded as the answered ones are.
 */
public final class AuditedReads {

    /** What an audited call is: the access trail's action, its target (a request id or null), its query. */
    public record Access(String action, String target, String detail) {
    }

    private record Route(String pattern, String action, String requiredParameter) {
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final String AS_OF = "asOf";
    private static final List<Route> ROUTES = List.of(
            new Route("/api/requests/{id}/history", AccessTrail.HISTORY, null),
            new Route("/api/requests/{id}", AccessTrail.AS_OF_REQUEST, AS_OF),
            new Route("/api/queues/triage", AccessTrail.AS_OF_TRIAGE_QUEUE, AS_OF),
            new Route("/api/audit/events", AccessTrail.EXPORT_EVENTS, null),
            new Route("/api/audit/access", AccessTrail.EXPORT_ACCESS, null),
            new Route("/api/audit/verify", AccessTrail.VERIFY, null),
            new Route("/api/audit/checkpoint", AccessTrail.CHECKPOINT, null));

    private AuditedReads() {
    }

    /** @return the audited read this call is, if it is one */
    public static Optional<Access> of(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Route route : ROUTES) {
            if (PATHS.match(route.pattern(), path)
                    && (route.requiredParameter() == null || request.getParameter(route.requiredParameter()) != null)) {
                Map<String, String> variables = PATHS.extractUriTemplateVariables(route.pattern(), path);
                // a request's own path names it; an export may name it as its filter
                String target = variables.containsKey("id") ? variables.get("id") : request.getParameter("requestId");
                return Optional.of(new Access(route.action(), target, detail(request)));
            }
        }
        return Optional.empty();
    }

    /** The call's query string as the server read it (decoded), or null without one: what the access trail keeps as detail. */
    public static String detail(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || query.isEmpty() ? null : URLDecoder.decode(query, StandardCharsets.UTF_8);
    }
}
