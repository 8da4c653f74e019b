package org.studysupport.api.query;

import org.studysupport.api.Nullable;
import org.studysupport.api.reference.ServiceCode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One service-level clock of a request, as its readers see it: {@code clock} TRIAGE,
 * HOSPITAL_RESPONSE or DELIVERY; {@code state} RUNNING, PAUSED (while the request waits for an
 * answer), BREACHED (it reached its due time, whether it still runs or stopped since) or MET
 * (stopped before its due time). {@code dueAt} is the due time as last moved by a pause;
 * {@code pausedAt} is set while a clock is paused, also a breached one. Assignment, hospital and
 * service are null for the triage clock.
 */
public record SlaView(
        String clock,
        String state,
        Instant dueAt,
        @Nullable Instant stoppedAt,
        @Nullable UUID assignmentId,
        @Nullable String hospital,
        @Nullable ServiceCode service,
        Instant startedAt,
        @Nullable Instant pausedAt,
        @Nullable Instant warnedAt,
        @Nullable Instant breachedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String PAUSED = "PAUSED";
    public static final String BREACHED = "BREACHED";
    public static final String MET = "MET";

    /** A clock that just started. */
    public static SlaView started(String clock, UUID assignmentId, String hospital, ServiceCode service,
                                  Instant startedAt, Instant dueAt) {
        return new SlaView(clock, RUNNING, dueAt, null, assignmentId, hospital, service, startedAt, null, null, null);
    }

    /** Whether this is the given clock (of the given assignment; null for triage). */
    public boolean is(String otherClock, UUID otherAssignment) {
        return clock.equals(otherClock) && Objects.equals(assignmentId, otherAssignment);
    }

    /** Whether the clock counts now: started, not stopped and not paused (a breached one may still run). */
    public boolean running() {
        return stoppedAt == null && pausedAt == null;
    }

    public SlaView paused(Instant at) {
        return new SlaView(clock, breachedAt == null ? PAUSED : BREACHED, dueAt, stoppedAt, assignmentId, hospital,
                service, startedAt, at, warnedAt, breachedAt);
    }

    /** Counting again, due at the moved time. */
    public SlaView resumed(Instant movedDueAt) {
        return new SlaView(clock, breachedAt == null ? RUNNING : BREACHED, movedDueAt == null ? dueAt : movedDueAt,
                stoppedAt, assignmentId, hospital, service, startedAt, null, warnedAt, breachedAt);
    }

    public SlaView warned(Instant at) {
        return new SlaView(clock, state, dueAt, stoppedAt, assignmentId, hospital, service, startedAt, pausedAt, at,
                breachedAt);
    }

    public SlaView breached(Instant at) {
        return new SlaView(clock, BREACHED, dueAt, stoppedAt, assignmentId, hospital, service, startedAt, pausedAt,
                warnedAt, at);
    }

    /** Stopped: MET when before its due time and never breached, BREACHED otherwise. */
    public SlaView stopped(Instant at, boolean met) {
        return new SlaView(clock, met && breachedAt == null ? MET : BREACHED, dueAt, at, assignmentId, hospital,
                service, startedAt, null, warnedAt, breachedAt);
    }
}
