package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.CommentView;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.TriagePolicy;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one event of a request to its read tables with the view fold. An event applies only on
 * top of the version just before it: one already applied (redelivered, replayed) changes nothing,
 * and one whose predecessors are missing (the tables are being rebuilt) is left to the rebuild. Of
 * two writers of the same event at once, only the first to write the request's row goes on; its row
 * lock holds the other until it commits.
 */
@Component
public class RequestViewUpdater {

    private final RequestViewTables tables;
    private final JdbcTemplate jdbc;

    public RequestViewUpdater(RequestViewTables tables, JdbcTemplate jdbc) {
        this.tables = tables;
        this.jdbc = jdbc;
    }

    /**
     * @param announce whether to add the change to the {@code queue_change} feed (not for replays:
     *                 nobody should be told again about old changes)
     * @return whether this call applied the event
     */
    public boolean apply(DomainEventMessage<?> event, boolean announce) {
        UUID requestId = UUID.fromString(event.getAggregateIdentifier());
        long sequence = event.getSequenceNumber();
        Optional<RequestView> stored = sequence == 0 ? Optional.empty() : tables.find(requestId);
        if (sequence > 0 && (stored.isEmpty() || stored.get().version() != sequence - 1)) {
            return false;
        }
        RequestView before = stored.orElse(null);
        RequestView after = RequestViewFold.apply(before, event.getPayload(), EventContexts.of(event));
        if (after == null) {
            return false;
        }
        boolean written = before == null ? tables.insert(after) : tables.update(after, before.version());
        if (!written) {
            return false;
        }
        if (before == null) {
            tables.insertServices(after);
        }
        tables.writeAssignments(before, after);
        if (event.getPayload() instanceof CommentAdded added) {
            CommentView comment = after.comments().get(after.comments().size() - 1);
            if (!comment.id().equals(added.commentId())) {
                throw new IllegalStateException("The fold did not add comment " + added.commentId() + " last");
            }
            tables.insertComment(requestId, sequence, comment);
        }
        if (announce) {
            announce(after, event);
        }
        return true;
    }

    private void announce(RequestView view, DomainEventMessage<?> event) {
        boolean internalOnly = event.getPayload() instanceof CommentAdded comment
                && comment.visibility() == CommentVisibility.INTERNAL;
        jdbc.update("insert into queue_change (request_id, version, reference, status, event_type, investigator_id,"
                        + " hospitals, in_triage, internal_only, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                view.id(), view.version(), view.reference(), view.status().name(),
                event.getPayloadType().getSimpleName(), view.investigatorId(),
                "," + String.join(",", view.hospitals()) + ",", TriagePolicy.waitsForCoordinator(view), internalOnly,
                Timestamp.from(EventContexts.occurredAt(event)));
    }
}
