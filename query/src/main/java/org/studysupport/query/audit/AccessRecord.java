package org.studysupport.query.audit;

import java.time.Instant;

/**
 * One read of the audit trail as the access trail keeps it: when (UTC), who in which role, what
 * ({@code action}, e.g. HISTORY), of what ({@code target}, a request id or null), with which query
 * ({@code detail}), and the HTTP status it was answered with ({@code outcome}).
 */
public record AccessRecord(long id, Instant at, String userId, String role, String action, String target,
                           String detail, int outcome) {
}
