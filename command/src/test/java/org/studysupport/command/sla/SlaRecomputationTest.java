package org.studysupport.command.sla;

import org.junit.jupiter.api.Test;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.security.Role;
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
import org.studysupport.command.sla.SlaRecomputation.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recomputation from a hand-written history: two hospital-response clocks that started with
 * different targets and calendars (the configuration changed between them), a breach, a pause over
 * two working days, a warning and stops met and not met. The expected times are computed here with
 * {@link SlaMath} from the recorded definitions, independently of the replay.
 */
class SlaRecomputationTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final UUID REQUEST = UUID.fromString("5e0c1d2a-0000-4000-8000-000000000009");
    private static final UUID FIRST = UUID.fromString("a0000000-0000-4000-8000-000000000011");
    private static final UUID SECOND = UUID.fromString("a0000000-0000-4000-8000-000000000012");
    private static final CalendarDefinition NATIONAL = new CalendarDefinition("NO", "Europe/Oslo", List.of());
    /** HUS closed on Tuesday 9 March 2027, a day the second clock's pause spans. */
    private static final CalendarDefinition HUS_CALENDAR =
            new CalendarDefinition("NO", "Europe/Oslo", List.of(LocalDate.of(2027, 3, 9)));

    private final List<RecordedEvent> history = new ArrayList<>();

    private static Instant at(int day, int hour) {
        return LocalDate.of(2027, 3, day).atTime(hour, 0).atZone(OSLO).toInstant();
    }

    private void add(Instant at, Object... events) {
        for (Object event : events) {
            history.add(new RecordedEvent(event, at));
        }
    }

    private static SlaClockStarted started(Clock clock, UUID assignment, String hospital, ServiceCode service,
                                           Priority priority, Instant at, SlaTarget target,
                                           CalendarDefinition calendar) {
        WorkingCalendar working = WorkingCalendar.of(calendar);
        return new SlaClockStarted(REQUEST, clock, assignment, hospital, service, priority, at, target, calendar,
                SlaMath.warnAt(at, target, working), SlaMath.dueAt(at, target, working));
    }

    /** The history the request would have recorded, its clock events worked out by hand. */
    private void recordTheStory() {
        add(at(1, 9), new RequestSubmitted(REQUEST, "SR-2027-00009", "investigator1", null,
                List.of(ServiceCode.MONITORING), SealedContact.sealed("investigator1", "key-1", "c2VhbGVk")));
        add(at(1, 9), started(Clock.TRIAGE, null, null, null, null, at(1, 9), SlaTarget.ofWorkingDays(5), NATIONAL));
        add(at(2, 9), new RequestAccepted(REQUEST, Priority.HIGH, null),
                new SlaClockStopped(REQUEST, Clock.TRIAGE, null, at(2, 9), true));

        // the first assignment: three working days then; due Friday 5 March 09:00
        SlaClockStarted first = started(Clock.HOSPITAL_RESPONSE, FIRST, "OUS", ServiceCode.MONITORING, Priority.HIGH,
                at(2, 9), SlaTarget.ofWorkingDays(3), NATIONAL);
        assertThat(first.dueAt()).isEqualTo(at(5, 9));
        add(at(2, 9), new ServiceAssigned(REQUEST, FIRST, ServiceCode.MONITORING, "OUS", null), first);
        add(first.warnAt(), new SlaWarningRaised(REQUEST, Clock.HOSPITAL_RESPONSE, FIRST, first.dueAt()));
        add(first.dueAt(), new SlaClockBreached(REQUEST, Clock.HOSPITAL_RESPONSE, FIRST, first.dueAt()),
                new RequestEscalated(REQUEST, Clock.HOSPITAL_RESPONSE, FIRST, "OUS", first.dueAt()));
        add(at(8, 9), new AssignmentDeclined(REQUEST, FIRST, ServiceCode.MONITORING, "OUS", "No capacity"),
                new SlaClockStopped(REQUEST, Clock.HOSPITAL_RESPONSE, FIRST, at(8, 9), false));

        // after a change of configuration: one working day, and HUS's own closed day
        SlaClockStarted second = started(Clock.HOSPITAL_RESPONSE, SECOND, "HUS", ServiceCode.MONITORING,
                Priority.HIGH, at(8, 9), SlaTarget.ofWorkingDays(1), HUS_CALENDAR);
        add(at(8, 9), new ServiceAssigned(REQUEST, SECOND, ServiceCode.MONITORING, "HUS", null), second);
        add(at(8, 15), new ClarificationRequested(REQUEST, UUID.randomUUID(), "Which sites?", "coordinator",
                Role.COORDINATOR, null, RequestStatus.IN_PROGRESS),
                new SlaClockPaused(REQUEST, Clock.HOSPITAL_RESPONSE, SECOND, at(8, 15)));
        // paused Monday 15:00 to Wednesday 15:00 on HUS's calendar: Tuesday is closed, so one working day;
        // due Wednesday 09:00 before the pause, Thursday 09:00 after it
        WorkingCalendar hus = WorkingCalendar.of(HUS_CALENDAR);
        Instant movedWarnAt = SlaMath.movedBy(second.warnAt(), at(8, 15), at(10, 15), second.target(), hus);
        Instant movedDueAt = SlaMath.movedBy(second.dueAt(), at(8, 15), at(10, 15), second.target(), hus);
        assertThat(second.dueAt()).isEqualTo(at(10, 9));
        assertThat(movedDueAt).isEqualTo(at(11, 9));
        assertThat(movedWarnAt).isEqualTo(at(11, 3));
        add(at(10, 15), new ClarificationAnswered(REQUEST, UUID.randomUUID(), "Bergen", RequestStatus.IN_PROGRESS),
                new SlaClockResumed(REQUEST, Clock.HOSPITAL_RESPONSE, SECOND, at(8, 15), at(10, 15), movedWarnAt,
                        movedDueAt));
        add(movedWarnAt, new SlaWarningRaised(REQUEST, Clock.HOSPITAL_RESPONSE, SECOND, movedDueAt));
        SlaClockStarted delivery = started(Clock.DELIVERY, SECOND, "HUS", ServiceCode.MONITORING, Priority.HIGH,
                at(11, 6), SlaTarget.ofWorkingDays(40), HUS_CALENDAR);
        add(at(11, 6), new AssignmentAcknowledged(REQUEST, SECOND, ServiceCode.MONITORING, "HUS"),
                new SlaClockStopped(REQUEST, Clock.HOSPITAL_RESPONSE, SECOND, at(11, 6), true), delivery);
    }

    @Test
    void theRecomputationFromTheHistoryEqualsWhatWasRecorded() {
        recordTheStory();

        Map<String, List<Object>> recomputed = SlaRecomputation.recompute(history, at(11, 9));

        assertThat(recomputed).isEqualTo(SlaRecomputation.recorded(history));
        assertThat(recomputed.keySet()).containsExactly("TRIAGE", "HOSPITAL_RESPONSE:" + FIRST,
                "HOSPITAL_RESPONSE:" + SECOND, "DELIVERY:" + SECOND);
    }

    @Test
    void aStopRecordedAsMetAfterABreachIsFoundOut() {
        recordTheStory();
        int stop = indexOf(new SlaClockStopped(REQUEST, Clock.HOSPITAL_RESPONSE, FIRST, at(8, 9), false));
        history.set(stop, new RecordedEvent(new SlaClockStopped(REQUEST, Clock.HOSPITAL_RESPONSE, FIRST, at(8, 9),
                true), at(8, 9)));

        Map<String, List<Object>> recomputed = SlaRecomputation.recompute(history, at(11, 9));

        assertThat(recomputed.get("HOSPITAL_RESPONSE:" + FIRST))
                .isNotEqualTo(SlaRecomputation.recorded(history).get("HOSPITAL_RESPONSE:" + FIRST))
                .last().isEqualTo(new SlaClockStopped(REQUEST, Clock.HOSPITAL_RESPONSE, FIRST, at(8, 9), false));
    }

    @Test
    void aWarningDueByTheMomentAskedButNotRecordedYetIsPartOfTheRecomputation() {
        recordTheStory();
        SlaClockStarted delivery = (SlaClockStarted) history.get(history.size() - 1).payload();

        Map<String, List<Object>> recomputed = SlaRecomputation.recompute(history, delivery.warnAt());

        assertThat(recomputed.get("DELIVERY:" + SECOND)).containsExactly(delivery,
                new SlaWarningRaised(REQUEST, Clock.DELIVERY, SECOND, delivery.dueAt()));
    }

    @Test
    void aRequestFromBeforeTheClocksHasNothingToRecompute() {
        add(at(1, 9), new RequestSubmitted(REQUEST, "SR-2027-00009", "investigator1", null,
                List.of(ServiceCode.MONITORING), SealedContact.sealed("investigator1", "key-1", "c2VhbGVk")));
        add(at(2, 9), new RequestAccepted(REQUEST, Priority.HIGH, null),
                new ServiceAssigned(REQUEST, FIRST, ServiceCode.MONITORING, "OUS", null));

        assertThat(SlaRecomputation.recompute(history, at(30, 9))).isEmpty();
    }

    private int indexOf(Object payload) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).payload().equals(payload)) {
                return i;
            }
        }
        throw new AssertionError("not in the history: " + payload);
    }
}
