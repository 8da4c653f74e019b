package org.studysupport.command.sla;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.sla.CalendarDefinition;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.RequestEscalated;
import org.studysupport.api.sla.SlaClockBreached;
import org.studysupport.api.sla.SlaClockPaused;
import org.studysupport.api.sla.SlaClockResumed;
import org.studysupport.api.sla.SlaClockStarted;
import org.studysupport.api.sla.SlaClockStopped;
import org.studysupport.api.sla.SlaTarget;
import org.studysupport.api.sla.SlaWarningRaised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The service-level clocks of one request and the rules that move them, as plain Java: the
 * aggregate asks for a decision (start, pause, resume, stop, a deadline falling due) and applies the
 * events it gets back; its event-sourcing handlers feed those events to {@link #on(Object)}, which is
 * the only place the state changes. The history recomputation ({@link SlaRecomputation}) uses the
 * same rules, so the aggregate and the recomputation cannot disagree about what a clock does.
 *
 * <p>Rules: a clock stopped stays stopped; a paused clock neither warns nor breaches; a breached
 * clock runs on until it stops, and is then not met. Warnings and breaches fall due in time order:
 * before a clock changes at a given moment, every warning and breach due by then is raised first
 * ({@link #settle(UUID, Instant)}), so a late deadline execution gives the same history as a punctual one.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class SlaClocks {

    private static final Map<CalendarDefinition, WorkingCalendar> CALENDARS = new ConcurrentHashMap<>();

    /** Keyed by {@link #key(Clock, UUID)}, in the order the clocks started. */
    private Map<String, ClockState> clocks = new LinkedHashMap<>();

    /**
     * One clock as its events left it.
     *
     * @param warnAt    null once the warning was raised
     * @param pausedAt  when it paused; null while it counts
     * @param stoppedAt when it stopped; null while it runs
     */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    public record ClockState(Clock clock, UUID assignmentId, String hospital, SlaTarget target,
                             CalendarDefinition calendar, Instant warnAt, Instant dueAt, Instant pausedAt,
                             boolean breached, Instant stoppedAt, boolean met) {

        /** Started and not stopped: it may still pause, resume and stop. */
        public boolean running() {
            return stoppedAt == null;
        }

        /** Running and not paused: its warning and breach may fall due. */
        public boolean counting() {
            return stoppedAt == null && pausedAt == null;
        }

        /** The next moment a deadline of this clock falls due; null when none is left. */
        Instant nextDue() {
            if (!counting() || breached) {
                return null;
            }
            return warnAt != null ? warnAt : dueAt;
        }
    }

    /** Where a starting clock takes its target and calendar from: the configuration, or a recorded start. */
    public interface Definitions {

        SlaTarget target(Clock clock, UUID assignmentId, ServiceCode service, Priority priority);

        CalendarDefinition calendar(Clock clock, UUID assignmentId, String hospital);

        /** Today's configuration. */
        static Definitions of(SlaTargets targets) {
            return new Definitions() {
                @Override
                public SlaTarget target(Clock clock, UUID assignmentId, ServiceCode service, Priority priority) {
                    return targets.target(clock, service, priority);
                }

                @Override
                public CalendarDefinition calendar(Clock clock, UUID assignmentId, String hospital) {
                    return targets.calendar(hospital);
                }
            };
        }
    }

    public static String key(Clock clock, UUID assignmentId) {
        return assignmentId == null ? clock.name() : clock.name() + ":" + assignmentId;
    }

    /** The clock, if it ever started. */
    public ClockState find(Clock clock, UUID assignmentId) {
        return clocks.get(key(clock, assignmentId));
    }

    /** Every clock that started, in the order it started. */
    public List<ClockState> all() {
        return List.copyOf(clocks.values());
    }

    public static WorkingCalendar calendarOf(CalendarDefinition definition) {
        return CALENDARS.computeIfAbsent(definition, WorkingCalendar::of);
    }

    // --- decisions: the events to apply, nothing changed yet ---

    /**
     * Starts a clock now; when the request waits for an answer, it pauses at once (it starts, so its
     * definition is recorded, but does not count until the answer comes). Nothing when it started before.
     */
    public List<Object> start(UUID requestId, Clock clock, UUID assignmentId, String hospital, ServiceCode service,
                              Priority priority, Instant now, boolean requestWaits, Definitions definitions) {
        List<Object> events = new ArrayList<>(settle(requestId, now));
        if (clocks.containsKey(key(clock, assignmentId))) {
            return events;
        }
        SlaTarget target = definitions.target(clock, assignmentId, service, priority);
        CalendarDefinition calendar = definitions.calendar(clock, assignmentId, hospital);
        WorkingCalendar workingCalendar = calendarOf(calendar);
        events.add(new SlaClockStarted(requestId, clock, assignmentId, hospital, service, priority, now, target,
                calendar, SlaMath.warnAt(now, target, workingCalendar), SlaMath.dueAt(now, target, workingCalendar)));
        if (requestWaits) {
            events.add(new SlaClockPaused(requestId, clock, assignmentId, now));
        }
        return events;
    }

    /** Pauses every counting clock: the request now waits for the investigator's answer. */
    public List<Object> pauseAll(UUID requestId, Instant now) {
        List<Object> events = new ArrayList<>(settle(requestId, now));
        for (ClockState state : clocks.values()) {
            if (state.counting()) {
                events.add(new SlaClockPaused(requestId, state.clock(), state.assignmentId(), now));
            }
        }
        return events;
    }

    /**
     * Resumes every paused clock, its due time (and its warning, unless raised) moved by the paused
     * working time on its own calendar. A breached clock keeps the due time it breached at.
     */
    public List<Object> resumeAll(UUID requestId, Instant now) {
        List<Object> events = new ArrayList<>(settle(requestId, now));
        for (ClockState state : clocks.values()) {
            if (state.running() && state.pausedAt() != null) {
                WorkingCalendar calendar = calendarOf(state.calendar());
                Instant dueAt = state.breached() ? state.dueAt()
                        : SlaMath.movedBy(state.dueAt(), state.pausedAt(), now, state.target(), calendar);
                Instant warnAt = state.warnAt() == null ? null
                        : SlaMath.movedBy(state.warnAt(), state.pausedAt(), now, state.target(), calendar);
                events.add(new SlaClockResumed(requestId, state.clock(), state.assignmentId(), state.pausedAt(), now,
                        warnAt, dueAt));
            }
        }
        return events;
    }

    /** Stops one clock, met unless it breached. Nothing when it never started or stopped before. */
    public List<Object> stop(UUID requestId, Clock clock, UUID assignmentId, Instant now) {
        List<Object> events = new ArrayList<>(settle(requestId, now));
        ClockState state = clocks.get(key(clock, assignmentId));
        if (state != null && state.running()) {
            events.add(stopped(requestId, state, now, events));
        }
        return events;
    }

    /** Stops every running clock of an assignment (it was declined, cancelled or reassigned). */
    public List<Object> stopAssignment(UUID requestId, UUID assignmentId, Instant now) {
        List<Object> events = new ArrayList<>(settle(requestId, now));
        for (ClockState state : clocks.values()) {
            if (state.running() && assignmentId.equals(state.assignmentId())) {
                events.add(stopped(requestId, state, now, events));
            }
        }
        return events;
    }

    /** Stops every running clock: the request closed. */
    public List<Object> stopAll(UUID requestId, Instant now) {
        List<Object> events = new ArrayList<>(settle(requestId, now));
        for (ClockState state : clocks.values()) {
            if (state.running()) {
                events.add(stopped(requestId, state, now, events));
            }
        }
        return events;
    }

    /**
     * A warning deadline fell due. It counts only if the clock still runs, counts, has not warned
     * and still warns at the time the deadline was scheduled for (a pause or a stop since makes the
     * deadline stale); then every warning and breach due by that time is raised, in time order.
     */
    public List<Object> warningDue(UUID requestId, Clock clock, UUID assignmentId, Instant warnAt) {
        ClockState state = clocks.get(key(clock, assignmentId));
        if (state == null || !state.counting() || state.breached() || !Objects.equals(state.warnAt(), warnAt)) {
            return List.of();
        }
        return settle(requestId, warnAt);
    }

    /** A breach deadline fell due; as {@link #warningDue}, for the clock's due time. */
    public List<Object> breachDue(UUID requestId, Clock clock, UUID assignmentId, Instant dueAt) {
        ClockState state = clocks.get(key(clock, assignmentId));
        if (state == null || !state.counting() || state.breached() || !state.dueAt().equals(dueAt)) {
            return List.of();
        }
        return settle(requestId, dueAt);
    }

    /**
     * The warnings and breaches (with their escalations) due by {@code until} that were not raised,
     * in the order they fell due: what a punctual deadline manager would have recorded by then.
     */
    public List<Object> settle(UUID requestId, Instant until) {
        List<Object> events = new ArrayList<>();
        SlaClocks copy = copy();
        while (true) {
            ClockState next = copy.clocks.values().stream()
                    .filter(state -> state.nextDue() != null && !state.nextDue().isAfter(until))
                    .min(Comparator.comparing(ClockState::nextDue))
                    .orElse(null);
            if (next == null) {
                return events;
            }
            List<Object> due = next.warnAt() != null
                    ? List.of(new SlaWarningRaised(requestId, next.clock(), next.assignmentId(), next.dueAt()))
                    : List.of(new SlaClockBreached(requestId, next.clock(), next.assignmentId(), next.dueAt()),
                    new RequestEscalated(requestId, next.clock(), next.assignmentId(), next.hospital(),
                            next.dueAt()));
            due.forEach(copy::on);
            events.addAll(due);
        }
    }

    private SlaClockStopped stopped(UUID requestId, ClockState state, Instant now, List<Object> before) {
        boolean breachedJustNow = before.stream().anyMatch(event -> event instanceof SlaClockBreached breach
                && breach.clock() == state.clock() && Objects.equals(breach.assignmentId(), state.assignmentId()));
        return new SlaClockStopped(requestId, state.clock(), state.assignmentId(), now,
                !state.breached() && !breachedJustNow);
    }

    private SlaClocks copy() {
        SlaClocks copy = new SlaClocks();
        copy.clocks = new LinkedHashMap<>(clocks);
        return copy;
    }

    // --- state changes, from events only ---

    /** Applies an SLA event to the state; other events are ignored. */
    public void on(Object event) {
        if (event instanceof SlaClockStarted started) {
            clocks.put(key(started.clock(), started.assignmentId()),
                    new ClockState(started.clock(), started.assignmentId(), started.hospital(), started.target(),
                            started.calendar(), started.warnAt(), started.dueAt(), null, false, null, false));
        } else if (event instanceof SlaClockPaused paused) {
            update(paused.clock(), paused.assignmentId(), s -> new ClockState(s.clock(), s.assignmentId(),
                    s.hospital(), s.target(), s.calendar(), s.warnAt(), s.dueAt(), paused.pausedAt(), s.breached(),
                    null, false));
        } else if (event instanceof SlaClockResumed resumed) {
            update(resumed.clock(), resumed.assignmentId(), s -> new ClockState(s.clock(), s.assignmentId(),
                    s.hospital(), s.target(), s.calendar(), resumed.warnAt(), resumed.dueAt(), null, s.breached(),
                    null, false));
        } else if (event instanceof SlaWarningRaised warning) {
            update(warning.clock(), warning.assignmentId(), s -> new ClockState(s.clock(), s.assignmentId(),
                    s.hospital(), s.target(), s.calendar(), null, s.dueAt(), s.pausedAt(), s.breached(), null,
                    false));
        } else if (event instanceof SlaClockBreached breach) {
            update(breach.clock(), breach.assignmentId(), s -> new ClockState(s.clock(), s.assignmentId(),
                    s.hospital(), s.target(), s.calendar(), null, s.dueAt(), s.pausedAt(), true, null, false));
        } else if (event instanceof SlaClockStopped stop) {
            update(stop.clock(), stop.assignmentId(), s -> new ClockState(s.clock(), s.assignmentId(),
                    s.hospital(), s.target(), s.calendar(), s.warnAt(), s.dueAt(), s.pausedAt(), s.breached(),
                    stop.stoppedAt(), stop.met()));
        }
    }

    private void update(Clock clock, UUID assignmentId, UnaryOperator<ClockState> change) {
        clocks.computeIfPresent(key(clock, assignmentId), (key, state) -> change.apply(state));
    }

    /** Value equality, so that state rebuilt from events can be compared with state changed by commands. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SlaClocks that && clocks.equals(that.clocks);
    }

    @Override
    public int hashCode() {
        return clocks.hashCode();
    }
}
