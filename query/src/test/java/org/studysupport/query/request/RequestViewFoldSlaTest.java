package org.studysupport.query.request;

import org.junit.jupiter.api.Test;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.SlaView;
import org.studysupport.api.query.TriagePolicy;
import org.studysupport.api.query.TriageReason;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.RequestWithdrawn;
import org.studysupport.api.request.StudyDetails;
import org.studysupport.api.request.StudyPhase;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The request view's service-level clocks and escalation, folded from the clock events alone. */
class RequestViewFoldSlaTest {

    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ASSIGNMENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final Instant SUBMITTED = Instant.parse("2027-03-24T09:00:00Z");
    private static final Instant TRIAGE_DUE = Instant.parse("2027-04-06T09:00:00Z");
    private static final CalendarDefinition NORWAY = new CalendarDefinition("NO", "Europe/Oslo", List.of());

    private RequestView view;
    private long sequence = -1;

    private void fold(Object event, Instant at, String actor, String role) {
        sequence++;
        view = RequestViewFold.apply(view, event, new EventContext(at, sequence, actor, role));
    }

    private void bySystem(Object event, Instant at) {
        fold(event, at, "system", "SYSTEM");
    }

    private void submitted() {
        fold(new RequestSubmitted(REQUEST, "SR-2027-00001", "investigator1", new StudyDetails("Colchicine after MI",
                        "COLMI", StudyPhase.PHASE_3, "UiO", "Cardiology", FundingStatus.AWARDED, null, List.of("NO"), 8,
                        "A trial"), List.of(ServiceCode.MONITORING), SealedContact.sealed("investigator1", "key-1", "c2VhbGVk")),
                SUBMITTED, "investigator1", "INVESTIGATOR");
        bySystem(new SlaClockStarted(REQUEST, Clock.TRIAGE, null, null, null, null, SUBMITTED, SlaTarget.ofWorkingDays(5),
                NORWAY, Instant.parse("2027-04-01T09:00:00Z"), TRIAGE_DUE), SUBMITTED);
    }

    private SlaView triage() {
        return view.sla().get(0);
    }

    @Test
    void aStartedClockRunsUntilItsDueTimeAndTheQueuesOrderByIt() {
        submitted();

        assertThat(view.sla()).containsExactly(new SlaView("TRIAGE", "RUNNING", TRIAGE_DUE, null, null, null, null,
                SUBMITTED, null, null, null));
        assertThat(TriagePolicy.slaDueAt(view)).isEqualTo(TRIAGE_DUE);
        assertThat(TriagePolicy.triageDueAt(view)).isEqualTo(TRIAGE_DUE);
        assertThat(view.escalated()).isFalse();
    }

    @Test
    void aWarningKeepsTheClockRunningAndRecordsWhen() {
        submitted();
        Instant warned = Instant.parse("2027-04-01T09:00:00Z");
        bySystem(new SlaWarningRaised(REQUEST, Clock.TRIAGE, null, TRIAGE_DUE), warned);

        assertThat(triage().state()).isEqualTo("RUNNING");
        assertThat(triage().warnedAt()).isEqualTo(warned);
        assertThat(triage().dueAt()).isEqualTo(TRIAGE_DUE);
    }

    @Test
    void aPausedClockHasNoDueTimeInTheQueuesAndResumesWithTheMovedOne() {
        submitted();
        Instant paused = Instant.parse("2027-03-25T10:00:00Z");
        bySystem(new SlaClockPaused(REQUEST, Clock.TRIAGE, null, paused), paused);

        assertThat(triage().state()).isEqualTo("PAUSED");
        assertThat(triage().pausedAt()).isEqualTo(paused);
        assertThat(TriagePolicy.slaDueAt(view)).isNull();
        assertThat(TriagePolicy.triageDueAt(view)).as("submission time while no clock runs").isEqualTo(SUBMITTED);

        Instant resumed = Instant.parse("2027-03-30T10:00:00Z");
        Instant moved = Instant.parse("2027-04-07T09:00:00Z");
        bySystem(new SlaClockResumed(REQUEST, Clock.TRIAGE, null, paused, resumed,
                Instant.parse("2027-04-02T09:00:00Z"), moved), resumed);

        assertThat(triage().state()).isEqualTo("RUNNING");
        assertThat(triage().pausedAt()).isNull();
        assertThat(triage().dueAt()).isEqualTo(moved);
        assertThat(TriagePolicy.slaDueAt(view)).isEqualTo(moved);
    }

    @Test
    void aBreachedClockStillRunsAsBreachedAndEscalatesUntilACoordinatorActs() {
        submitted();
        bySystem(new SlaClockBreached(REQUEST, Clock.TRIAGE, null, TRIAGE_DUE), TRIAGE_DUE);
        bySystem(new RequestEscalated(REQUEST, Clock.TRIAGE, null, null, TRIAGE_DUE), TRIAGE_DUE);

        assertThat(triage().state()).isEqualTo("BREACHED");
        assertThat(triage().breachedAt()).isEqualTo(TRIAGE_DUE);
        assertThat(triage().stoppedAt()).isNull();
        assertThat(TriagePolicy.slaDueAt(view)).as("the most overdue clock still counts").isEqualTo(TRIAGE_DUE);
        assertThat(view.escalated()).isTrue();
        assertThat(TriagePolicy.reasons(view)).containsExactly(TriageReason.ESCALATED, TriageReason.NEW_REQUEST);

        // an investigator's comment does not take the escalation away
        fold(new CommentAdded(REQUEST, UUID.randomUUID(), "Any news?", CommentVisibility.PUBLIC, "investigator1"),
                TRIAGE_DUE.plusSeconds(60), "investigator1", "INVESTIGATOR");
        assertThat(view.escalated()).isTrue();

        Instant accepted = TRIAGE_DUE.plus(Duration.ofHours(2));
        fold(new RequestAccepted(REQUEST, Priority.HIGH, null), accepted, "coordinator", "COORDINATOR");
        fold(new SlaClockStopped(REQUEST, Clock.TRIAGE, null, accepted, false), accepted, "coordinator",
                "COORDINATOR");

        assertThat(view.escalated()).isFalse();
        assertThat(triage().state()).as("breached, also once stopped").isEqualTo("BREACHED");
        assertThat(triage().stoppedAt()).isEqualTo(accepted);
        assertThat(TriagePolicy.slaDueAt(view)).isNull();
    }

    @Test
    void aClockStoppedInTimeIsMet() {
        submitted();
        Instant accepted = Instant.parse("2027-03-26T12:00:00Z");
        fold(new RequestAccepted(REQUEST, Priority.NORMAL, null), accepted, "coordinator", "COORDINATOR");
        fold(new SlaClockStopped(REQUEST, Clock.TRIAGE, null, accepted, true), accepted, "coordinator",
                "COORDINATOR");

        assertThat(triage().state()).isEqualTo("MET");
        assertThat(triage().stoppedAt()).isEqualTo(accepted);
        assertThat(triage().breachedAt()).isNull();
    }

    @Test
    void aClockStoppedLateWithoutABreachEventIsBreached() {
        submitted();
        Instant late = TRIAGE_DUE.plusSeconds(1);
        fold(new SlaClockStopped(REQUEST, Clock.TRIAGE, null, late, false), late, "coordinator", "COORDINATOR");

        assertThat(triage().state()).isEqualTo("BREACHED");
        assertThat(triage().breachedAt()).isNull();
    }

    @Test
    void aBreachedClockThatPausesStaysBreachedButStopsCountingInTheQueues() {
        submitted();
        bySystem(new SlaClockBreached(REQUEST, Clock.TRIAGE, null, TRIAGE_DUE), TRIAGE_DUE);
        Instant paused = TRIAGE_DUE.plusSeconds(3600);
        bySystem(new SlaClockPaused(REQUEST, Clock.TRIAGE, null, paused), paused);

        assertThat(triage().state()).isEqualTo("BREACHED");
        assertThat(triage().pausedAt()).isEqualTo(paused);
        assertThat(TriagePolicy.slaDueAt(view)).isNull();

        Instant resumed = paused.plusSeconds(3600);
        bySystem(new SlaClockResumed(REQUEST, Clock.TRIAGE, null, paused, resumed, null, TRIAGE_DUE), resumed);
        assertThat(triage().state()).isEqualTo("BREACHED");
        assertThat(TriagePolicy.slaDueAt(view)).isEqualTo(TRIAGE_DUE);
    }

    @Test
    void assignmentClocksKeepTheirAssignmentAndTheListKeepsTheOrderTheyStartedIn() {
        submitted();
        Instant accepted = Instant.parse("2027-03-25T09:00:00Z");
        fold(new RequestAccepted(REQUEST, Priority.URGENT, null), accepted, "coordinator", "COORDINATOR");
        fold(new SlaClockStopped(REQUEST, Clock.TRIAGE, null, accepted, true), accepted, "coordinator",
                "COORDINATOR");
        fold(new ServiceAssigned(REQUEST, ASSIGNMENT, ServiceCode.MONITORING, "OUS", null), accepted, "coordinator",
                "COORDINATOR");
        Instant responseDue = Instant.parse("2027-03-31T09:00:00Z");
        fold(new SlaClockStarted(REQUEST, Clock.HOSPITAL_RESPONSE, ASSIGNMENT, "OUS", ServiceCode.MONITORING,
                Priority.URGENT, accepted, SlaTarget.ofWorkingDays(3), NORWAY, Instant.parse("2027-03-30T15:00:00Z"),
                responseDue), accepted, "coordinator", "COORDINATOR");
        Instant acknowledged = Instant.parse("2027-03-26T09:00:00Z");
        fold(new AssignmentAcknowledged(REQUEST, ASSIGNMENT, ServiceCode.MONITORING, "OUS"), acknowledged,
                "ous-staff", "HOSPITAL");
        fold(new SlaClockStopped(REQUEST, Clock.HOSPITAL_RESPONSE, ASSIGNMENT, acknowledged, true), acknowledged,
                "ous-staff", "HOSPITAL");
        Instant deliveryDue = Instant.parse("2027-05-31T09:00:00Z");
        fold(new SlaClockStarted(REQUEST, Clock.DELIVERY, ASSIGNMENT, "OUS", ServiceCode.MONITORING, Priority.URGENT,
                acknowledged, SlaTarget.ofWorkingDays(40), NORWAY, Instant.parse("2027-05-10T09:00:00Z"),
                deliveryDue), acknowledged, "ous-staff", "HOSPITAL");

        assertThat(view.sla()).extracting(SlaView::clock, SlaView::state, SlaView::assignmentId, SlaView::hospital)
                .containsExactly(
                        tuple("TRIAGE", "MET", null, null),
                        tuple("HOSPITAL_RESPONSE", "MET", ASSIGNMENT, "OUS"),
                        tuple("DELIVERY", "RUNNING", ASSIGNMENT, "OUS"));
        assertThat(view.sla().get(2).service()).isEqualTo(ServiceCode.MONITORING);
        assertThat(view.sla().get(2).startedAt()).isEqualTo(acknowledged);
        assertThat(TriagePolicy.slaDueAt(view)).isEqualTo(deliveryDue);
    }

    @Test
    void aWithdrawnRequestIsNoLongerEscalated() {
        submitted();
        bySystem(new SlaClockBreached(REQUEST, Clock.TRIAGE, null, TRIAGE_DUE), TRIAGE_DUE);
        bySystem(new RequestEscalated(REQUEST, Clock.TRIAGE, null, null, TRIAGE_DUE), TRIAGE_DUE);
        Instant withdrawn = TRIAGE_DUE.plusSeconds(60);
        fold(new RequestWithdrawn(REQUEST, "No longer needed", RequestStatus.SUBMITTED), withdrawn, "investigator1",
                "INVESTIGATOR");

        assertThat(view.escalated()).isFalse();
        assertThat(TriagePolicy.reasons(view)).isEmpty();
    }
}
