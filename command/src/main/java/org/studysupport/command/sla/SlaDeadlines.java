package org.studysupport.command.sla;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.ScopeDescriptor;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.SlaClockPaused;
import org.studysupport.api.sla.SlaClockResumed;
import org.studysupport.api.sla.SlaClockStarted;
import org.studysupport.api.sla.SlaClockStopped;
import org.studysupport.command.metadata.SystemActor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps a request's deadlines in line with its clocks, called by the aggregate right after it applied
 * clock events: a warning and a breach deadline for each clock that counts, none for a paused or
 * stopped one. Deadline names are per kind, not per clock, so a pause or a stop cancels the request's
 * SLA deadlines and schedules again those of the clocks still counting; starts and resumes only add.
 * A deadline left behind anyway does nothing: its handler checks it against the clock.
 *
 * <p>Each deadline message carries the system as its actor, with the reason the events it causes
 * will record (see {@link SystemActor}).
 */
public final class SlaDeadlines {

    /** The deadline name of warnings at 75 % of a target. */
    public static final String WARNING = "sla-warning";
    /** The deadline name of breaches at 100 % of a target. */
    public static final String BREACH = "sla-breach";

    private SlaDeadlines() {
    }

    /**
     * Schedules and cancels after {@code applied}, the clock events just applied to {@code clocks}.
     *
     * @param scope the request's aggregate, named explicitly: while a request is being created, Axon
     *              does not know its identifier as the current scope yet
     */
    public static void follow(List<Object> applied, SlaClocks clocks, DeadlineManager deadlines,
                              ScopeDescriptor scope) {
        boolean stoppedCounting = applied.stream()
                .anyMatch(event -> event instanceof SlaClockPaused || event instanceof SlaClockStopped);
        if (stoppedCounting) {
            deadlines.cancelAllWithinScope(WARNING, scope);
            deadlines.cancelAllWithinScope(BREACH, scope);
            clocks.all().forEach(state -> schedule(state, deadlines, scope));
            return;
        }
        for (Object event : applied) {
            if (event instanceof SlaClockStarted started) {
                // from the event: while a request is created, its state does not hold the clock yet
                schedule(started.clock(), started.assignmentId(), started.warnAt(), started.dueAt(), deadlines,
                        scope);
            } else if (event instanceof SlaClockResumed resumed) {
                schedule(clocks.find(resumed.clock(), resumed.assignmentId()), deadlines, scope);
            }
        }
    }

    /** Why the system raised a warning. */
    public static String warningReason(Clock clock) {
        return "75 % of the " + clock + " target elapsed";
    }

    /** Why the system recorded a breach and escalated the request. */
    public static String breachReason(Clock clock) {
        return "The " + clock + " target elapsed";
    }

    private static void schedule(SlaClocks.ClockState state, DeadlineManager deadlines, ScopeDescriptor scope) {
        if (state != null && state.counting() && !state.breached()) {
            schedule(state.clock(), state.assignmentId(), state.warnAt(), state.dueAt(), deadlines, scope);
        }
    }

    private static void schedule(Clock clock, UUID assignmentId, Instant warnAt, Instant dueAt,
                                 DeadlineManager deadlines, ScopeDescriptor scope) {
        if (warnAt != null) {
            deadlines.schedule(warnAt, WARNING, new GenericDeadlineMessage<>(WARNING,
                    new SlaDeadline(clock, assignmentId, warnAt), SystemActor.metaData(warningReason(clock))), scope);
        }
        deadlines.schedule(dueAt, BREACH, new GenericDeadlineMessage<>(BREACH,
                new SlaDeadline(clock, assignmentId, dueAt), SystemActor.metaData(breachReason(clock))), scope);
    }
}
