package org.studysupport.api.query;

import java.time.Instant;

/** Figures over the requests submitted in [from, to), service-level results over those known in it; null bounds are open. */
public record FindStatistics(Instant from, Instant to) {
}
