package org.studysupport.api.query;

import org.studysupport.api.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A rebuild of a read model from the log, as an administrator asked for it: who, when, why, on which
 * node, and how far it got.
 *
 * @param total    the requests to rebuild, counted when it started (null until then)
 * @param done     the requests rebuilt so far
 * @param progress the share done, 0 to 1; null until the total is known
 * @param outcome RUNNING, COMPLETED, FAILED, or ABANDONED (its node stopped while it ran)
 * @param error    why it failed, when it did
 */
public record RebuildStatus(UUID id, String readModel, String outcome, String requestedBy, String role,
                            @Nullable String reason, @Nullable String node, Instant requestedAt, Instant touchedAt, @Nullable Instant finishedAt,
                            @Nullable Long total, long done, @Nullable Double progress, @Nullable String error) {

    public static final String RUNNING = "RUNNING";

    public static RebuildStatus of(UUID id, String readModel, String outcome, String requestedBy, String role,
                                   String reason, String node, Instant requestedAt, Instant touchedAt,
                                   Instant finishedAt, Long total, long done, String error) {
        Double progress = total == null ? null : total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
        return new RebuildStatus(id, readModel, outcome, requestedBy, role, reason, node, requestedAt, touchedAt,
                finishedAt, total, done, progress, error);
    }

    public boolean running() {
        return RUNNING.equals(outcome);
    }
}
