package org.studysupport.api.query;

import org.studysupport.api.Nullable;

import java.time.Instant;

/**
 * One event of a request's history: its position in the request ({@code sequence}, from 0), its
 * type, when it was stored (UTC, to the millisecond the event store keeps), who caused it and in
 * which role, the reason given where one applies, and the event's own data.
 */
public record HistoryEntry(long sequence, String type, Instant occurredAt, HistoryActor actor, @Nullable String reason,
                           Object data) {

    /** Who caused an event: user id and role. */
    public record HistoryActor(String id, String role) {
    }
}
