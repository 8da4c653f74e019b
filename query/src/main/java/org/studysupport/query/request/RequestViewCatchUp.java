package org.studysupport.query.request;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Follows the whole log with a streaming processor and applies to the request read tables what
 * they lack: at the first start on an existing log, after a reset (a rebuild), or for events stored
 * while a rebuild had not yet reached their request. Everything else the command's own transaction
 * already wrote ({@link RequestViewProjection}), and is skipped by its version. It announces nothing
 * on the live feed: what it applies is old news, or was announced already.
 *
 * <p>Events are folded in memory per batch and written once per request when the batch is about to
 * commit (see {@link RequestViewBatch}). An event it fails on is parked as a dead letter, with the
 * later events of its request behind it, and the processor goes on with the others; also when the
 * failure is an SQL error, which on PostgreSQL aborts the whole transaction, Axon's enqueue of the
 * dead letter with it. So a write made in a handler call runs in a savepoint ({@link Savepoints}),
 * and a failure must surface in the handler call of the event that caused it:
 * <ul>
 *     <li>a fold that fails throws in the event's own call already;</li>
 *     <li>a combined write that fails rolls the batch back, token and all (no savepoint is needed
 *     there); the processor reads those events again and this time each is written on its own, in
 *     its handler call ({@link FailedBatches});</li>
 *     <li>a dead letter that is retried is handled outside a batch, and written on its own too.</li>
 * </ul>
 */
@Component
@ProcessingGroup(RequestViewCatchUp.PROCESSING_GROUP)
public class RequestViewCatchUp {

    public static final String PROCESSING_GROUP = "request-view-catch-up";

    private static final Logger log = LoggerFactory.getLogger(RequestViewCatchUp.class);
    private static final String BATCH = RequestViewBatch.class.getName();

    private final RequestViewTables tables;
    private final RequestViewUpdater updater;
    private final Savepoints savepoints;
    private final FailedBatches failedBatches = new FailedBatches();

    public RequestViewCatchUp(RequestViewTables tables, RequestViewUpdater updater, Savepoints savepoints) {
        this.tables = tables;
        this.updater = updater;
        this.savepoints = savepoints;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        if (message instanceof DomainEventMessage<?> domainEvent && RequestEvents.isRequestEvent(domainEvent)) {
            Optional<RequestViewBatch> batch = batchOf(unitOfWork);
            if (batch.isPresent()) {
                batch.get().add(domainEvent);
            } else {
                savepoints.isolated(() -> updater.apply(domainEvent, false));
            }
        }
    }

    /**
     * The batch of the processor's unit of work (one transaction), written when it is about to
     * commit; empty when the events are to be written one at a time: a retried dead letter, or a
     * batch whose combined write failed before.
     */
    private Optional<RequestViewBatch> batchOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        if (!(root instanceof BatchingUnitOfWork<?> events)) {
            return Optional.empty();
        }
        return root.getOrComputeResource(BATCH, key -> begin(root, events.getMessages()));
    }

    private Optional<RequestViewBatch> begin(UnitOfWork<?> root, List<? extends Message<?>> events) {
        if (failedBatches.holdsAny(events)) {
            log.info("Writing {} events one at a time: their combined write failed before", events.size());
            root.afterCommit(committed -> failedBatches.forget(events));
            return Optional.empty();
        }
        RequestViewBatch batch = new RequestViewBatch(tables);
        batch.prefetch(events);
        root.onPrepareCommit(committing -> write(batch, events));
        return Optional.of(batch);
    }

    private void write(RequestViewBatch batch, List<? extends Message<?>> events) {
        try {
            batch.write();
        } catch (RuntimeException failed) {
            failedBatches.remember(events);
            throw new BatchWriteFailedException(events.size(), failed);
        }
    }

    @ResetHandler
    public void reset() {
        tables.clear();
    }

    /** The combined write of a batch failed; the batch is rolled back and its events written one at a time. */
    static final class BatchWriteFailedException extends RuntimeException {
        BatchWriteFailedException(int events, Throwable cause) {
            super("The combined write of a batch of " + events + " events failed; they are handled again one at a"
                    + " time: " + cause.getMessage(), cause);
        }
    }
}
