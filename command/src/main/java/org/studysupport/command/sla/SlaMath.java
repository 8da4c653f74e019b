package org.studysupport.command.sla;

import org.studysupport.api.sla.SlaTarget;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of a service-level clock, as pure functions of what its events record (start,
 * target, calendar, pauses), so a clock's due and warning times can be recomputed from history
 * alone. A working-day target counts working time on the calendar; a duration target counts wall
 * clock time, calendar or not.
 */
public final class SlaMath {

    /** The share of a target after which a warning is raised. */
    public static final double WARNING_SHARE = 0.75;

    private SlaMath() {
    }

    /** When a clock started at {@code start} is breached, before any pause. */
    public static Instant dueAt(Instant start, SlaTarget target, WorkingCalendar calendar) {
        return after(start, target, 1, calendar);
    }

    /** When a clock started at {@code start} is warned about: at 75 % of its target, before any pause. */
    public static Instant warnAt(Instant start, SlaTarget target, WorkingCalendar calendar) {
        return after(start, target, WARNING_SHARE, calendar);
    }

    /**
     * A due (or warning) time moved by a pause from {@code pausedFrom} to {@code resumedAt}: later by
     * the working time the pause took (for a duration target, by the wall-clock time it took). A
     * pause over a weekend moves a working-day clock by its weekdays only.
     */
    public static Instant movedBy(Instant due, Instant pausedFrom, Instant resumedAt, SlaTarget target,
                                  WorkingCalendar calendar) {
        if (!resumedAt.isAfter(pausedFrom)) {
            return due;
        }
        if (target.countsWallClock()) {
            return due.plus(Duration.between(pausedFrom, resumedAt));
        }
        return calendar.plusWorkingDays(due, calendar.workingDaysBetween(pausedFrom, resumedAt));
    }

    private static Instant after(Instant start, SlaTarget target, double share, WorkingCalendar calendar) {
        if (target.countsWallClock()) {
            return share == 1 ? start.plus(target.duration())
                    : start.plusNanos(Math.round(target.duration().toNanos() * share));
        }
        return calendar.plusWorkingDays(start, target.workingDays() * share);
    }
}
