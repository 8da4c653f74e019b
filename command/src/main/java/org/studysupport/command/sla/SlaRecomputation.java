package org.studysupport.command.sla;

import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.RequestWithdrawn;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes a request's service-level clocks from its history alone: which clocks should have
 * started, paused, resumed and stopped on its life-cycle events, with which due and warning times,
 * and which warnings, breaches (with escalations) and stops, met or not, should have been recorded
 * by a given moment. Each clock takes the target and calendar its recorded start carries, never
 * today's configuration, and is moved at the times its recorded transitions carry; everything else
 * is computed again with the same rules the request applies ({@link SlaClocks}).
 *
 * <p>A pure function: no configuration, no clock, no database. Comparing its result with
 * {@link #recorded(List)} tells whether the recorded clocks are what their inputs imply.
 */
public final class SlaRecomputation {

    /** A stored event of the request: its payload and when it was recorded. */
    public record RecordedEvent(Object payload, Instant occurredAt) {
    }

    private SlaRecomputation() {
    }

    /**
     * The SLA events that should have been recorded by {@code asOf}, per clock (keyed by
     * {@link SlaClocks#key(Clock, UUID)}) in the order the clocks started, each clock's in order.
     * The history's own SLA events are read only for each clock's start definition and the times
     * of its transitions.
     */
    public static Map<String, List<Object>> recompute(List<RecordedEvent> history, Instant asOf) {
        Replay replay = new Replay(history);
        for (int index = 0; index < history.size(); index++) {
            replay.decide(index);
        }
        replay.record(replay.clocks.settle(replay.requestId, asOf));
        return replay.byClock;
    }

    /** The SLA events the history holds, per clock, as {@link #recompute} returns them. */
    public static Map<String, List<Object>> recorded(List<RecordedEvent> history) {
        Map<String, List<Object>> byClock = new LinkedHashMap<>();
        for (RecordedEvent event : history) {
            String key = clockKey(event.payload());
            if (key != null) {
                byClock.computeIfAbsent(key, k -> new ArrayList<>()).add(event.payload());
            }
        }
        return byClock;
    }

    private static String clockKey(Object event) {
        if (event instanceof SlaClockStarted e) {
            return SlaClocks.key(e.clock(), e.assignmentId());
        } else if (event instanceof SlaClockPaused e) {
            return SlaClocks.key(e.clock(), e.assignmentId());
        } else if (event instanceof SlaClockResumed e) {
            return SlaClocks.key(e.clock(), e.assignmentId());
        } else if (event instanceof SlaWarningRaised e) {
            return SlaClocks.key(e.clock(), e.assignmentId());
        } else if (event instanceof SlaClockBreached e) {
            return SlaClocks.key(e.clock(), e.assignmentId());
        } else if (event instanceof RequestEscalated e) {
            return SlaClocks.key(e.clock(), e.assignmentId());
        } else if (event instanceof SlaClockStopped e) {
            return SlaClocks.key(e.clock(), e.assignmentId());
        }
        return null;
    }

    /** The moment a transition happened, as its event records it; null for other events. */
    private static Instant transitionTime(Object event) {
        if (event instanceof SlaClockStarted e) {
            return e.startedAt();
        } else if (event instanceof SlaClockPaused e) {
            return e.pausedAt();
        } else if (event instanceof SlaClockResumed e) {
            return e.resumedAt();
        } else if (event instanceof SlaClockStopped e) {
            return e.stoppedAt();
        }
        return null;
    }

    /** The replay of one history: the request's life cycle as far as the clocks need it. */
    private static final class Replay implements SlaClocks.Definitions {

        private final List<RecordedEvent> history;
        private final Map<String, SlaClockStarted> starts = new HashMap<>();
        private final Map<UUID, ServiceAssigned> assignments = new HashMap<>();
        private final Map<String, List<Object>> byClock = new LinkedHashMap<>();
        private final SlaClocks clocks = new SlaClocks();
        private UUID requestId;
        private Priority priority;
        private boolean waiting;

        Replay(List<RecordedEvent> history) {
            this.history = history;
            for (RecordedEvent event : history) {
                if (event.payload() instanceof SlaClockStarted started) {
                    starts.putIfAbsent(SlaClocks.key(started.clock(), started.assignmentId()), started);
                }
            }
        }

        /** Applies the clock rules for the life-cycle event at {@code index}; SLA events are not inputs. */
        void decide(int index) {
            Object event = history.get(index).payload();
            Instant now = decisionTime(index);
            if (event instanceof RequestSubmitted submitted) {
                requestId = submitted.requestId();
                start(Clock.TRIAGE, null, null, null, now);
            } else if (event instanceof ClarificationRequested) {
                record(clocks.pauseAll(requestId, now));
                waiting = true;
            } else if (event instanceof ClarificationAnswered) {
                record(clocks.resumeAll(requestId, now));
                waiting = false;
            } else if (event instanceof RequestAccepted accepted) {
                priority = accepted.priority();
                record(clocks.stop(requestId, Clock.TRIAGE, null, now));
            } else if (event instanceof RequestRejected || event instanceof RequestCompleted
                    || event instanceof RequestWithdrawn) {
                record(clocks.stopAll(requestId, now));
                waiting = false;
            } else if (event instanceof ServiceAssigned assigned) {
                assignments.put(assigned.assignmentId(), assigned);
                start(Clock.HOSPITAL_RESPONSE, assigned.assignmentId(), assigned.hospital(), assigned.service(), now);
            } else if (event instanceof AssignmentAcknowledged acknowledged) {
                record(clocks.stop(requestId, Clock.HOSPITAL_RESPONSE, acknowledged.assignmentId(), now));
                start(Clock.DELIVERY, acknowledged.assignmentId(), acknowledged.hospital(), acknowledged.service(),
                        now);
            } else if (event instanceof AssignmentDeclined declined) {
                record(clocks.stopAssignment(requestId, declined.assignmentId(), now));
            } else if (event instanceof AssignmentCompleted completed) {
                record(clocks.stopAssignment(requestId, completed.assignmentId(), now));
            } else if (event instanceof AssignmentCancelled cancelled) {
                record(clocks.stopAssignment(requestId, cancelled.assignmentId(), now));
            } else if (event instanceof AssignmentReassigned reassigned) {
                record(clocks.stopAssignment(requestId, reassigned.assignmentId(), now));
            }
        }

        /** A clock starts only if its start was recorded: a request from before the clocks has none. */
        private void start(Clock clock, UUID assignmentId, String hospital, ServiceCode service, Instant now) {
            if (starts.containsKey(SlaClocks.key(clock, assignmentId))) {
                record(clocks.start(requestId, clock, assignmentId, hospital, service, priority, now, waiting, this));
            }
        }

        /**
         * When the request decided on the event at {@code index}: the time its clock transitions right
         * after it carry (they share the moment of one command), else the event's own time.
         */
        private Instant decisionTime(int index) {
            for (int next = index + 1; next < history.size(); next++) {
                Object event = history.get(next).payload();
                if (clockKey(event) == null) {
                    break;
                }
                Instant time = transitionTime(event);
                if (time != null) {
                    return time;
                }
            }
            return history.get(index).occurredAt();
        }

        void record(List<Object> events) {
            for (Object event : events) {
                clocks.on(event);
                byClock.computeIfAbsent(clockKey(event), k -> new ArrayList<>()).add(event);
            }
        }

        @Override
        public SlaTarget target(Clock clock, UUID assignmentId, ServiceCode service, Priority priority) {
            return starts.get(SlaClocks.key(clock, assignmentId)).target();
        }

        @Override
        public CalendarDefinition calendar(Clock clock, UUID assignmentId, String hospital) {
            return starts.get(SlaClocks.key(clock, assignmentId)).calendar();
        }
    }
}
