package org.studysupport.api.security;

/**
 * Which requests (or hospitals) a role that may take an {@link Action} may take it on. The policy
 * names the scope; whoever holds the state it depends on decides it: the aggregate for commands
 * (owner, assignments), the read side for what a caller may see, the queue service for a
 * hospital's queue.
 */
public enum Scope {

    /** No further condition: every request, or the action concerns no request at all. */
    ANY,
    /** The requests the caller may see, as the read side's visibility rules decide. */
    VISIBLE,
    /** The request's own investigator (the one who submitted it). */
    OWN_REQUEST,
    /** Staff of a hospital with any assignment on the request, open or closed. */
    ASSIGNMENT_AT_OWN_HOSPITAL,
    /** Staff of a hospital with an open (PENDING or ACTIVE) assignment on the request. */
    OPEN_ASSIGNMENT_AT_OWN_HOSPITAL,
    /** Staff of the hospital the assignment acted on is at. */
    HOSPITAL_OF_ASSIGNMENT,
    /** Staff of the hospital the call names (its queue). */
    OWN_HOSPITAL
}
