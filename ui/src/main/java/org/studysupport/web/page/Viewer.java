package org.studysupport.web.page;

import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The signed-in user as the pages see them: who they are, and the links of the navigation, each
 * shown only to a role the {@link Action} policy lets use it. The pages decide nothing of their
 * own: a link is shown when the action behind it is granted to the user's role, and what the page
 * then shows is what the application services answer for that user.
 */
public record Viewer(Actor actor, List<Link> links) {

    /** A navigation entry: the path and the message key of its label. */
    public record Link(String path, String label) {
    }

    public static Viewer of(Actor actor) {
        List<Link> links = new ArrayList<>();
        links.add(new Link("/", "nav.start"));
        Role role = actor.role();
        if (Action.SUBMIT_REQUEST.allows(role)) {
            links.add(new Link("/requests/new", "nav.newRequest"));
        }
        if (Action.READ_REQUESTS.allows(role)) {
            links.add(new Link("/requests", role == Role.INVESTIGATOR ? "nav.myRequests" : "nav.requests"));
        }
        if (Action.READ_TRIAGE_QUEUE.allows(role)) {
            links.add(new Link("/triage", "nav.triage"));
        }
        if (Action.READ_HOSPITAL_QUEUE.allows(role)) {
            links.add(role == Role.HOSPITAL ? new Link("/hospitals/" + actor.hospital(), "nav.hospital")
                    : new Link("/hospitals", "nav.hospitals"));
        }
        if (Action.READ_AUDIT_LOG.allows(role)) {
            links.add(new Link("/audit", "nav.audit"));
        }
        if (Action.OPERATE.allows(role)) {
            links.add(new Link("/admin", "nav.admin"));
        }
        return new Viewer(actor, List.copyOf(links));
    }

    /** Whether the user's role is granted the action (by its name, for the templates): {@code viewer.may('ACCEPT_REQUEST')}. */
    public boolean may(String action) {
        return may(Action.valueOf(action));
    }

    public boolean may(Action action) {
        return action.allows(actor.role());
    }

    public boolean is(String role) {
        return actor.role() == Role.valueOf(role);
    }
}
