package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;
import org.studysupport.api.query.CommentView;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.request.CommentAdded;

import java.time.Instant;
import java.util.List;

/**
 * One event folded onto a request's view. It applies only on top of the version just before it:
 * an event at or below the view's version was applied already (a redelivery, a replay), and one
 * further ahead lacks its predecessors (the tables are being rebuilt), which the rebuild brings.
 *
 * @param after         the view after the event; null when the event does not apply
 * @param occurredAt    when the event happened
 * @param addedComments the comment the event added, kept in rows of their own
 */
record RequestViewStep(RequestView after, Instant occurredAt, List<RequestViewTables.SequencedComment> addedComments) {

    private static final RequestViewStep SKIPPED = new RequestViewStep(null, null, List.of());

    static RequestViewStep of(RequestView current, DomainEventMessage<?> event) {
        long version = current == null ? -1 : current.version();
        if (event.getSequenceNumber() != version + 1) {
            return SKIPPED;
        }
        EventContext context = EventContexts.of(event);
        RequestView after = RequestViewFold.apply(current, event.getPayload(), context);
        if (after == null) {
            return SKIPPED;
        }
        if (event.getPayload() instanceof CommentAdded added) {
            CommentView comment = after.comments().get(after.comments().size() - 1);
            if (!comment.id().equals(added.commentId())) {
                throw new IllegalStateException("The fold did not add comment " + added.commentId() + " last");
            }
            return new RequestViewStep(after, context.occurredAt(), List.of(new RequestViewTables.SequencedComment(
                    event.getSequenceNumber(), comment)));
        }
        return new RequestViewStep(after, context.occurredAt(), List.of());
    }

    /** The view after the event, with when it happened. */
    RequestViewTables.Version version() {
        return new RequestViewTables.Version(after, occurredAt);
    }

    boolean applies() {
        return after != null;
    }
}
