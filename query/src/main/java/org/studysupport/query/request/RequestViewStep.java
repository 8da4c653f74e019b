package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;
import org.studysupport.api.query.CommentView;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.request.CommentAdded;

import java.util.List;

/**
 * One event folded onto a request's view. It applies only on top of the version just before it:
 * an event at or below the view's version was applied already (a redelivery, a replay), and one
 * further ahead lacks its predecessors (the tables are being rebuilt), which the rebuild brings.
 *
 * @param after         the view after the event; null when the event does not apply
 * @param addedComments the comment the event added, kept in rows of their own
 */
record RequestViewStep(RequestView after, List<RequestViewTables.SequencedComment> addedComments) {

    private static final RequestViewStep SKIPPED = new RequestViewStep(null, List.of());

    static RequestViewStep of(RequestView current, DomainEventMessage<?> event) {
        long version = current == null ? -1 : current.version();
        if (event.getSequenceNumber() != version + 1) {
            return SKIPPED;
        }
        RequestView after = RequestViewFold.apply(current, event.getPayload(), EventContexts.of(event));
        if (after == null) {
            return SKIPPED;
        }
        if (event.getPayload() instanceof CommentAdded added) {
            CommentView comment = after.comments().get(after.comments().size() - 1);
            if (!comment.id().equals(added.commentId())) {
                throw new IllegalStateException("The fold did not add comment " + added.commentId() + " last");
            }
            return new RequestViewStep(after, List.of(new RequestViewTables.SequencedComment(
                    event.getSequenceNumber(), comment)));
        }
        return new RequestViewStep(after, List.of());
    }

    boolean applies() {
        return after != null;
    }
}
