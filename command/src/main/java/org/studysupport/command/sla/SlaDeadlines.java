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
 * stopped one. Starts and resumes only add. A pause or a stop cancels the request's SLA deadlines
 * by the schedule ids remembered in {@link SlaDeadlineIds}, and schedules again those of the clocks
 * still counting. A deadline left behind anyway does nothing: its handler checks it
 * against the clock.
 *
 * <p>Each deadline message carries the system as its actor, with the reason the events it causes
 * will record (see {@link SystemActor}).
 */
public final class SlaDeadlines {

    /** The deadline name of warnings at 75 % of a target. */
    public static final String WARNING = "sla-warning";
    /** The deadline name of breaches at 100 % of a target. */
    public static final String BREACH = "sla-breach";

    /**
     * Where a request's deadlines go.
     *
     * @param scope the request's aggregate, named explicitly: while a request is being created, Axon
     *              does not know its identifier as the current scope yet
     */
    public record Schedule(UUID requestId, ScopeDescriptor scope, DeadlineManager deadlines, SlaDeadlineIds ids) {
    }

    private SlaDeadlines() {
    }

    /** Schedules and cancels after {@code applied}, the clock events just applied to {@code clocks}. */
    public static void follow(List<Object> applied, SlaClocks clocks, Schedule schedule) {
        boolean stoppedCounting = applied.stream()
                .anyMatch(event -> event instanceof SlaClockPaused || event instanceof SlaClockStopped);
        if (stoppedCounting) {
            schedule.ids().cancelAll(schedule.requestId(), schedule.deadlines());
            clocks.all().forEach(state -> schedule(state, schedule));
            return;
        }
        for (Object event : applied) {
            if (event instanceof SlaClockStarted started) {
                // from the event: while a request is created, its state does not hold the clock yet
                schedule(started.clock(), started.assignmentId(), started.warnAt(), started.dueAt(), schedule);
            } else if (event instanceof SlaClockResumed resumed) {
                schedule(clocks.find(resumed.clock(), resumed.assignmentId()), schedule);
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

    private static void schedule(SlaClocks.ClockState state, Schedule schedule) {
        if (state != null && state.counting() && !state.breached()) {
            schedule(state.clock(), state.assignmentId(), state.warnAt(), state.dueAt(), schedule);
        }
    }

    private static void schedule(Clock clock, UUID assignmentId, Instant warnAt, Instant dueAt, Schedule schedule) {
        if (warnAt != null) {
            schedule(WARNING, warnAt, new SlaDeadline(clock, assignmentId, warnAt), warningReason(clock), schedule);
        }
        schedule(BREACH, dueAt, new SlaDeadline(clock, assignmentId, dueAt), breachReason(clock), schedule);
    }

    private static void schedule(String name, Instant at, SlaDeadline payload, String reason, Schedule schedule) {
        String scheduleId = schedule.deadlines().schedule(at, name,
                new GenericDeadlineMessage<>(name, payload, SystemActor.metaData(reason)), schedule.scope());
        schedule.ids().remember(schedule.requestId(), new SlaDeadlineIds.Scheduled(name, scheduleId));
    }
}
