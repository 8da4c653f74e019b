package org.studysupport.query.request;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Follows the whole log with a streaming processor and applies to the request read tables what
 * they lack: at the first start on an existing log, after a reset (a rebuild), or for events stored
 * while a rebuild had not yet reached their request. Everything else the command's own transaction
 * already wrote ({@link RequestViewProjection}), and is skipped by its version. An event it fails on
 * is parked as a dead letter with its request's later events; the processor goes on with the others.
 * It announces nothing on the live feed: what it applies is old news, or was announced already.
 * Events are folded in memory per batch and written once per request (see {@link RequestViewBatch}).
 */
@Component
@ProcessingGroup(RequestViewCatchUp.PROCESSING_GROUP)
public class RequestViewCatchUp {

    public static final String PROCESSING_GROUP = "request-view-catch-up";

    private static final String BATCH = RequestViewBatch.class.getName();

    private final RequestViewTables tables;

    public RequestViewCatchUp(RequestViewTables tables) {
        this.tables = tables;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        if (message instanceof DomainEventMessage<?> domainEvent) {
            batchOf(unitOfWork).add(domainEvent);
        }
    }

    /** The batch of the processor's unit of work (one transaction), written when it is about to commit. */
    private RequestViewBatch batchOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(BATCH, key -> {
            RequestViewBatch batch = new RequestViewBatch(tables);
            if (root instanceof BatchingUnitOfWork<?> events) {
                batch.prefetch(events.getMessages());
            }
            root.onPrepareCommit(committing -> batch.write());
            return batch;
        });
    }

    @ResetHandler
    public void reset() {
        tables.clear();
    }
}
