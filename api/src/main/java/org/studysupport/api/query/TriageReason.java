package org.studysupport.api.query;

/** Why a request waits in the coordinators' triage queue. */
public enum TriageReason {
    /** Submitted and not yet accepted or rejected. */
    NEW_REQUEST,
    /** The investigator answered a coordinator's question. */
    CLARIFICATION_ANSWERED,
    /** Accepted, but a requested service has no open or completed assignment (never assigned, declined, cancelled). */
    UNASSIGNED_SERVICE,
    /** A service-level clock breached and the request was escalated. */
    ESCALATED
}
