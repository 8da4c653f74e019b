package org.studysupport.api.query;

import org.studysupport.api.request.RequestStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which requests wait for a coordinator, and since when they are due. A pure function of the view,
 * so the live queue and the queue as of any past moment agree.
 */
public final class TriagePolicy {

    private TriagePolicy() {
    }

    public static List<TriageReason> reasons(RequestView view) {
        List<TriageReason> reasons = new ArrayList<>();
        if (view.status().isFinal()) {
            return reasons;
        }
        if (view.escalated()) {
            reasons.add(TriageReason.ESCALATED);
        }
        if (view.status() == RequestStatus.SUBMITTED) {
            reasons.add(TriageReason.NEW_REQUEST);
        }
        if (view.clarificationAnswered() && view.status() != RequestStatus.AWAITING_INFO) {
            reasons.add(TriageReason.CLARIFICATION_ANSWERED);
        }
        // accepted, also while a question waits for its answer (assignments may go on meanwhile)
        boolean accepted = view.status() == RequestStatus.ACCEPTED || view.status() == RequestStatus.IN_PROGRESS
                || (view.status() == RequestStatus.AWAITING_INFO && view.triagedAt() != null);
        if (accepted && !view.unassignedServices().isEmpty()) {
            reasons.add(TriageReason.UNASSIGNED_SERVICE);
        }
        return reasons;
    }

    public static boolean waitsForCoordinator(RequestView view) {
        return !reasons(view).isEmpty();
    }

    /**
     * The earliest due time of the request's running clocks, or null when none runs. A breached
     * clock that still runs counts (it is the most overdue); a paused or stopped one does not.
     */
    public static Instant slaDueAt(RequestView view) {
        return view.sla().stream()
                .filter(clock -> clock.running() && clock.dueAt() != null)
                .map(SlaView::dueAt)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** Order of the triage queue: SLA due time, or the submission time while no clock runs. */
    public static Instant triageDueAt(RequestView view) {
        Instant due = slaDueAt(view);
        return due != null ? due : view.submittedAt();
    }
}
