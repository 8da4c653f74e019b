package org.studysupport.query.request;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.FindRequestVersion;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.TriagePolicy;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps {@code request_view}, {@code request_service}, {@code assignment_view} and the
 * {@code queue_change} feed up to date
 * with the event log. Idempotent: an event at or below the stored version of its request is
 * skipped, so redelivery changes nothing. A replay rebuilds the views but adds nothing to the feed:
 * nobody should be told again about old changes.
 */
@Component
@ProcessingGroup(RequestViewProjection.PROCESSING_GROUP)
public class RequestViewProjection {

    public static final String PROCESSING_GROUP = "request-view";

    private final RequestViewRepository requests;
    private final AssignmentViewRepository assignments;
    private final QueueChangeRepository changes;
    private final ViewDocuments documents;
    private final QueryUpdateEmitter updateEmitter;
    private final JdbcTemplate jdbc;

    public RequestViewProjection(RequestViewRepository requests, AssignmentViewRepository assignments,
                                 QueueChangeRepository changes, ViewDocuments documents,
                                 QueryUpdateEmitter updateEmitter, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.assignments = assignments;
        this.changes = changes;
        this.documents = documents;
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message, ReplayStatus replayStatus) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        UUID requestId = UUID.fromString(domainEvent.getAggregateIdentifier());
        RequestViewEntity row = requests.findById(requestId).orElse(null);
        if (row != null && row.getVersion() >= domainEvent.getSequenceNumber()) {
            return;
        }
        RequestView current = row == null ? null : documents.read(row.getDocument());
        RequestView next = RequestViewFold.apply(current, event, EventContexts.of(domainEvent));
        if (next == null) {
            return;
        }
        if (row == null) {
            row = new RequestViewEntity(requestId);
            for (var service : next.services()) {
                jdbc.update("insert into request_service (request_id, service) values (?, ?)", requestId,
                        service.name());
            }
        }
        row.update(next, documents.write(next));
        requests.save(row);
        Map<UUID, AssignmentViewEntity> stored = assignments.findAllById(
                        next.assignments().stream().map(AssignmentView::id).toList()).stream()
                .collect(Collectors.toMap(AssignmentViewEntity::getId, Function.identity()));
        for (AssignmentView assignment : next.assignments()) {
            AssignmentViewEntity existing = stored.get(assignment.id());
            if (existing == null) {
                assignments.save(new AssignmentViewEntity(requestId, assignment));
            } else {
                existing.update(assignment);
            }
        }
        if (!replayStatus.isReplay()) {
            changes.save(changeOf(next, event, message.getTimestamp()));
        }
        updateEmitter.emit(FindRequestVersion.class, query -> query.requestId().equals(requestId), next.version());
    }

    private static QueueChangeEntity changeOf(RequestView view, Object event, Instant occurredAt) {
        boolean internalOnly = event instanceof CommentAdded comment
                && comment.visibility() == CommentVisibility.INTERNAL;
        String hospitals = "," + String.join(",", view.hospitals()) + ",";
        return new QueueChangeEntity(view.id(), view.version(), view.reference(), view.status().name(),
                event.getClass().getSimpleName(), view.investigatorId(), hospitals,
                TriagePolicy.waitsForCoordinator(view), internalOnly, occurredAt);
    }

    @ResetHandler
    public void reset() {
        jdbc.update("delete from request_service");
        assignments.deleteAllInBatch();
        requests.deleteAllInBatch();
    }

    @QueryHandler
    public Long handle(FindRequestVersion query) {
        return requests.findById(query.requestId()).map(RequestViewEntity::getVersion).orElse(-1L);
    }
}
