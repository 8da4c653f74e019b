package org.studysupport.support;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.sla.CalendarDefinition;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.RequestEscalated;
import org.studysupport.api.sla.SlaClockBreached;
import org.studysupport.api.sla.SlaClockPaused;
import org.studysupport.api.sla.SlaClockResumed;
import org.studysupport.api.sla.SlaClockStarted;
import org.studysupport.api.sla.SlaClockStopped;
import org.studysupport.api.sla.SlaTarget;
import org.studysupport.api.security.Actor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts service-level clock events of an existing request into the event store as the live path
 * does: appended to the request's stream with the next sequence numbers, in one unit of work with
 * its transaction, so the request projection writes them in that transaction. Each event happens at
 * the given moment, by the actor {@code system}.
 */
public final class SlaEvents {

    private static final String AGGREGATE_TYPE = "SupportRequest";
    private static final CalendarDefinition NORWAY = new CalendarDefinition("NO", "Europe/Oslo", List.of());

    private final EventStore eventStore;
    private final TransactionManager transactions;

    public SlaEvents(EventStore eventStore, TransactionManager transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /** Appends the payloads, in order, as events of the request that all happen at {@code at}. */
    public void append(String requestId, Instant at, Object... payloads) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> {
            long next = eventStore.lastSequenceNumberFor(requestId).map(last -> last + 1).orElse(0L);
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (Object payload : payloads) {
                events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, requestId, next++, payload,
                        Map.of(Actor.USER_ID, "system", Actor.ROLE, "SYSTEM"), UUID.randomUUID().toString(), at));
            }
            eventStore.publish(events);
        });
    }

    /** The triage clock started at {@code at} with a wall-clock target, due after it. */
    public void triageStarted(String requestId, Instant at, Duration target) {
        append(requestId, at, new SlaClockStarted(UUID.fromString(requestId), Clock.TRIAGE, null, null, null, null, at,
                SlaTarget.ofDuration(target), NORWAY, at.plus(target.multipliedBy(3).dividedBy(4)), at.plus(target)));
    }

    /** An assignment's clock started at {@code at} with a wall-clock target, due after it. */
    public void assignmentClockStarted(String requestId, Clock clock, String assignmentId, String hospital,
                                       ServiceCode service, Instant at, Duration target) {
        append(requestId, at, new SlaClockStarted(UUID.fromString(requestId), clock, UUID.fromString(assignmentId),
                hospital, service, null, at, SlaTarget.ofDuration(target), NORWAY,
                at.plus(target.multipliedBy(3).dividedBy(4)), at.plus(target)));
    }

    /** The clock reached its due time: breached, and the request escalated, both at {@code dueAt}. */
    public void breached(String requestId, Clock clock, String assignmentId, String hospital, Instant dueAt) {
        UUID request = UUID.fromString(requestId);
        UUID assignment = assignmentId == null ? null : UUID.fromString(assignmentId);
        append(requestId, dueAt, new SlaClockBreached(request, clock, assignment, dueAt),
                new RequestEscalated(request, clock, assignment, hospital, dueAt));
    }

    public void stopped(String requestId, Clock clock, String assignmentId, Instant at, boolean met) {
        append(requestId, at, new SlaClockStopped(UUID.fromString(requestId), clock,
                assignmentId == null ? null : UUID.fromString(assignmentId), at, met));
    }

    public void paused(String requestId, Clock clock, String assignmentId, Instant at) {
        append(requestId, at, new SlaClockPaused(UUID.fromString(requestId), clock,
                assignmentId == null ? null : UUID.fromString(assignmentId), at));
    }

    public void resumed(String requestId, Clock clock, String assignmentId, Instant pausedAt, Instant at,
                        Instant movedDueAt) {
        append(requestId, at, new SlaClockResumed(UUID.fromString(requestId), clock,
                assignmentId == null ? null : UUID.fromString(assignmentId), pausedAt, at, null, movedDueAt));
    }
}
