package org.studysupport.api.query;

import java.time.Instant;

/** One service-level clock of a request: {@code clock} TRIAGE, HOSPITAL_RESPONSE or DELIVERY. */
public record SlaView(String clock, String state, Instant dueAt, Instant stoppedAt) {
}
