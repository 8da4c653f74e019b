package org.studysupport.query.request;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.FindRequestVersion;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.security.Actor;

import java.util.UUID;

/**
 * Keeps {@code request_view} and {@code assignment_view} up to date with the event log. Idempotent:
 * an event at or below the stored version of its request is skipped, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(RequestViewProjection.PROCESSING_GROUP)
public class RequestViewProjection {

    public static final String PROCESSING_GROUP = "request-view";

    private final RequestViewRepository requests;
    private final AssignmentViewRepository assignments;
    private final ViewDocuments documents;
    private final QueryUpdateEmitter updateEmitter;

    public RequestViewProjection(RequestViewRepository requests, AssignmentViewRepository assignments,
                                 ViewDocuments documents, QueryUpdateEmitter updateEmitter) {
        this.requests = requests;
        this.assignments = assignments;
        this.documents = documents;
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        UUID requestId = UUID.fromString(domainEvent.getAggregateIdentifier());
        RequestViewEntity row = requests.findById(requestId).orElse(null);
        if (row != null && row.getVersion() >= domainEvent.getSequenceNumber()) {
            return;
        }
        RequestView current = row == null ? null : documents.read(row.getDocument());
        Object actor = message.getMetaData().get(Actor.USER_ID);
        RequestView next = RequestViewFold.apply(current, event, new EventContext(message.getTimestamp(),
                domainEvent.getSequenceNumber(), actor == null ? null : actor.toString()));
        if (next == null) {
            return;
        }
        if (row == null) {
            row = new RequestViewEntity(requestId);
        }
        row.update(next, documents.write(next));
        requests.save(row);
        for (AssignmentView assignment : next.assignments()) {
            assignments.findById(assignment.id()).ifPresentOrElse(
                    existing -> existing.update(assignment),
                    () -> assignments.save(new AssignmentViewEntity(requestId, assignment)));
        }
        updateEmitter.emit(FindRequestVersion.class, query -> query.requestId().equals(requestId), next.version());
    }

    @ResetHandler
    public void reset() {
        assignments.deleteAllInBatch();
        requests.deleteAllInBatch();
    }

    @QueryHandler
    public Long handle(FindRequestVersion query) {
        return requests.findById(query.requestId()).map(RequestViewEntity::getVersion).orElse(-1L);
    }
}
