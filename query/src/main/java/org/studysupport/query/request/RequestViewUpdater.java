package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.TriagePolicy;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * Applies one event of a request to its read tables with the view fold, in the caller's
 * transaction. An event applies only on top of the version just before it (see
 * {@link RequestViewStep}); of two writers of the same event at once, only the first to write the
 * request's row goes on, and its row lock holds the other until it commits.
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
        RequestView before = event.getSequenceNumber() == 0 ? null : tables.find(requestId).orElse(null);
        RequestViewStep step = RequestViewStep.of(before, event);
        if (!step.applies() || !tables.store(before, step.version(), step.addedComments())) {
            return false;
        }
        if (announce) {
            announce(step.after(), event);
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
