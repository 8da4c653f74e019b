package org.studysupport.query.request;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Writes the request read tables in the transaction of the command that stores the events, so an
 * action's answer, read right after the command, shows the action on every node. The processor is
 * a subscribing one and a failure here fails the command: the change is stored with its view or
 * not at all. Building what the tables lack from the log is {@link RequestViewCatchUp}'s job.
 */
@Component
@ProcessingGroup(RequestViewProjection.PROCESSING_GROUP)
public class RequestViewProjection {

    public static final String PROCESSING_GROUP = "request-view";

    private final RequestViewUpdater updater;

    public RequestViewProjection(RequestViewUpdater updater) {
        this.updater = updater;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domainEvent && RequestEvents.isRequestEvent(domainEvent)) {
            updater.apply(domainEvent, true);
        }
    }
}
