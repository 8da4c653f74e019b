package org.studysupport.query.request;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Follows the whole log with a streaming processor and applies to the request read tables what
 * they lack: at the first start on an existing log, after a reset (a rebuild), or for events stored
 * while a rebuild had not yet reached their request. Everything else the command's own transaction
 * already wrote ({@link RequestViewProjection}), and is skipped by its version. An event it fails on
 * is parked as a dead letter with its request's later events; the processor goes on with the others.
 * It announces nothing on the live feed: what it applies is old news, or was announced already.
 */
@Component
@ProcessingGroup(RequestViewCatchUp.PROCESSING_GROUP)
public class RequestViewCatchUp {

    public static final String PROCESSING_GROUP = "request-view-catch-up";

    private final RequestViewUpdater updater;
    private final RequestViewTables tables;

    public RequestViewCatchUp(RequestViewUpdater updater, RequestViewTables tables) {
        this.updater = updater;
        this.tables = tables;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domainEvent) {
            updater.apply(domainEvent, false);
        }
    }

    @ResetHandler
    public void reset() {
        tables.clear();
    }
}
