package org.studysupport.api.access;

import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.query.QueueChange;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.security.Actor;

import java.util.Collection;
import java.util.Objects;

/**
 * Which requests a viewer may see, as data: every request (coordinators, auditors, admins), the
 * viewer's own (investigators), or those with an assignment, now or before, to the viewer's
 * hospital (hospital staff). It is stated once here and read two ways: {@link #includes} in memory
 * (a request view, a live queue change) and, in the read side, as the SQL {@code where} of the list
 * and the queues. Both read the same two facts of a request, its investigator and the hospitals it
 * has or had an assignment at, so the two cannot drift apart.
 */
public record RequestScope(Reach reach, String party) {

    /** How far a viewer's sight reaches; {@code party} is the investigator or the hospital it is bound to. */
    public enum Reach {
        EVERY_REQUEST,
        OWN_REQUESTS,
        HOSPITAL_ASSIGNMENTS,
        NO_REQUEST
    }

    private static final RequestScope EVERYTHING = new RequestScope(Reach.EVERY_REQUEST, null);
    private static final RequestScope NOTHING = new RequestScope(Reach.NO_REQUEST, null);

    public RequestScope {
        Objects.requireNonNull(reach, "reach");
        boolean bound = reach == Reach.OWN_REQUESTS || reach == Reach.HOSPITAL_ASSIGNMENTS;
        if (bound != (party != null)) {
            throw new IllegalArgumentException(reach + " needs " + (bound ? "a" : "no") + " party");
        }
    }

    /** The scope of the viewer's role. Hospital staff without a hospital see nothing. */
    public static RequestScope of(Actor viewer) {
        return switch (viewer.role()) {
            case COORDINATOR, AUDITOR, ADMIN -> EVERYTHING;
            case INVESTIGATOR -> new RequestScope(Reach.OWN_REQUESTS, viewer.id());
            case HOSPITAL -> viewer.hospital() == null ? NOTHING
                    : new RequestScope(Reach.HOSPITAL_ASSIGNMENTS, viewer.hospital());
        };
    }

    /**
     * Whether a request with this investigator and these hospitals (every hospital with an
     * assignment on it, whatever the assignment's state) is in the scope.
     */
    public boolean includes(String investigatorId, Collection<String> hospitals) {
        return switch (reach) {
            case EVERY_REQUEST -> true;
            case OWN_REQUESTS -> party.equals(investigatorId);
            case HOSPITAL_ASSIGNMENTS -> hospitals.contains(party);
            case NO_REQUEST -> false;
        };
    }

    public boolean includes(RequestView view) {
        return includes(view.investigatorId(), view.hospitals());
    }

    public boolean includes(QueueChange change) {
        return includes(change.investigatorId(), change.hospitals());
    }

    /** Whether the viewer sees the whole network: the triage queue, statistics, recommendations, the export. */
    public boolean wholeNetwork() {
        return reach == Reach.EVERY_REQUEST;
    }

    /** Whether the viewer may read the queue of that hospital: the whole network's viewers, or its own staff. */
    public boolean coversHospital(String code) {
        return wholeNetwork() || reach == Reach.HOSPITAL_ASSIGNMENTS && party.equals(code);
    }

    /**
     * Refuses an output that spans every request to a viewer who does not see every request.
     *
     * @param output what is asked for, for the message
     */
    public void requireWholeNetwork(String output) {
        if (!wholeNetwork()) {
            throw new NotPermittedException(output + " spans every request; only coordinators, auditors and admins"
                    + " see every request.");
        }
    }
}
