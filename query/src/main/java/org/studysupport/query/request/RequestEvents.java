package org.studysupport.query.request;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Tells a request's events from those of the log's other aggregates (a data subject's erasure):
 * the request read models are folded from the former only.
 */
public final class RequestEvents {

    /** The aggregate type the event store records for a request's events. */
    public static final String AGGREGATE_TYPE = "SupportRequest";

    private RequestEvents() {
    }

    public static boolean isRequestEvent(DomainEventMessage<?> event) {
        return AGGREGATE_TYPE.equals(event.getType());
    }
}
