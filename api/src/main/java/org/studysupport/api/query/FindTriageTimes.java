package org.studysupport.api.query;

import java.time.Instant;

/**
 * How long the requests submitted in [from, to) waited for their triage, as counts per band of
 * time ({@link TriageTimes}); the same requests as {@link Statistics#timeToTriage()} for the same
 * period. Null bounds are open.
 */
public record FindTriageTimes(Instant from, Instant to) {
}
