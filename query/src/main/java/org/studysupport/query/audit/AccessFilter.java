package org.studysupport.query.audit;

import java.time.Instant;

/**
 * Which access records to read: at or after {@code from}, before {@code to}, by the user
 * {@code actor}; a null bound or actor does not filter.
 */
public record AccessFilter(Instant from, Instant to, String actor) {
}
