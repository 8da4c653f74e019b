package org.studysupport.query.request;

import org.studysupport.api.query.RequestView;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

/**
 * Who sees which request, and how much of it. Investigators see their own requests, without
 * INTERNAL comments; hospital staff see requests with an assignment to their hospital, without the
 * contact block; coordinators, auditors and admins see everything.
 */
public final class RequestVisibility {

    private RequestVisibility() {
    }

    public static boolean canSee(RequestView view, Actor viewer) {
        return switch (viewer.role()) {
            case INVESTIGATOR -> viewer.id().equals(view.investigatorId());
            case HOSPITAL -> view.assignments().stream().anyMatch(a -> a.hospital().equals(viewer.hospital()));
            case COORDINATOR, AUDITOR, ADMIN -> true;
        };
    }

    public static RequestView redact(RequestView view, Actor viewer) {
        boolean showContact = viewer.role() != Role.HOSPITAL;
        boolean showInternalComments = viewer.role() != Role.INVESTIGATOR;
        return view.redactedFor(showContact, showInternalComments);
    }
}
