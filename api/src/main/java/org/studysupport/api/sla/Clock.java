package org.studysupport.api.sla;

/**
 * The service-level clocks of a request: triage runs from submission to the coordinator's decision,
 * hospital response from an assignment to the hospital's answer, delivery from acknowledgement to
 * completion of that assignment.
 */
public enum Clock {
    TRIAGE, HOSPITAL_RESPONSE, DELIVERY
}
