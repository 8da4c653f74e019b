package org.studysupport.command.request;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.studysupport.api.assignment.AcknowledgeAssignment;
import org.studysupport.api.assignment.AssignService;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.ReassignAssignment;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.request.AcceptRequest;
import org.studysupport.api.request.AnswerClarification;
import org.studysupport.api.request.AskClarification;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RejectRequest;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestWithdrawn;
import org.studysupport.api.request.SubmitRequest;
import org.studysupport.api.request.WithdrawRequest;
import org.studysupport.api.security.Actor;
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
import org.studysupport.command.sla.SlaDeadline;
import org.studysupport.command.sla.SlaDeadlines;
import org.studysupport.command.sla.SlaSettings;
import org.studysupport.command.sla.SlaTargets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.api.reference.ServiceCode.BIOSTATISTICS;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.command.request.RequestFixtures.ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.HUS;
import static org.studysupport.command.request.RequestFixtures.OUS;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SECOND_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.SERVICES;
import static org.studysupport.command.request.RequestFixtures.asCoordinator;
import static org.studysupport.command.request.RequestFixtures.asHospital;
import static org.studysupport.command.request.RequestFixtures.asInvestigator;
import static org.studysupport.command.request.RequestFixtures.assigned;
import static org.studysupport.command.request.RequestFixtures.clarificationRequested;
import static org.studysupport.command.request.RequestFixtures.clockStarted;
import static org.studysupport.command.request.RequestFixtures.contact;
import static org.studysupport.command.request.RequestFixtures.study;
import static org.studysupport.command.request.RequestFixtures.submitted;

/**
 * The service-level clocks of a request, through the aggregate: when each starts, with which target
 * and calendar; warnings, breaches and escalations from their deadlines, recorded by the system;
 * pauses and resumes moving the due times by working time; stops, met or not.
 */
class SlaClocksTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final CalendarDefinition NATIONAL = new CalendarDefinition("NO", "Europe/Oslo", List.of());
    /** Monday 1 March 2027, 09:00 in Oslo (no holiday that week or the next). */
    private static final Instant MONDAY_9 = at(2027, 3, 1, 9);

    private FixtureConfiguration<SupportRequest> fixture = RequestFixtures.newFixture();

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDate.of(year, month, day).atTime(hour, 0).atZone(OSLO).toInstant();
    }

    private static GenericCommandMessage<Object> command(Object payload, Map<String, Object> metaData) {
        return (GenericCommandMessage<Object>) GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData);
    }

    private static Object submit() {
        return command(new SubmitRequest(REQUEST_ID, study(), SERVICES, contact()), asInvestigator());
    }

    // --- starts ---

    @Test
    void submissionStartsTriageOnTheNationalCalendarWithItsWarningAndBreachDeadlines() {
        Instant warnAt = at(2027, 3, 5, 3); // 3.75 working days: Friday 03:00
        Instant dueAt = at(2027, 3, 8, 9); // 5 working days: the next Monday 09:00
        fixture.givenCurrentTime(MONDAY_9)
                .when(new SubmitRequest(REQUEST_ID, study(), SERVICES, contact()), asInvestigator())
                .expectEvents(submitted(), new SlaClockStarted(REQUEST_ID, Clock.TRIAGE, null, null, null, null,
                        MONDAY_9, SlaTarget.ofWorkingDays(5), NATIONAL, warnAt, dueAt))
                .expectScheduledDeadline(warnAt, new SlaDeadline(Clock.TRIAGE, null, warnAt))
                .expectScheduledDeadline(dueAt, new SlaDeadline(Clock.TRIAGE, null, dueAt));
    }

    @Test
    void anAssignmentStartsHospitalResponseOnTheHospitalsCalendarWithThePrioritysTarget() {
        SlaTargets targets = RequestFixtures.slaTargets(new SlaSettings.Triage(5, null),
                new SlaSettings.HospitalResponse(3, null, Map.of(Priority.URGENT, new SlaSettings.Target(1, null))),
                new SlaSettings.Delivery(40, null, Map.of(), Map.of()),
                Map.of(OUS, new SlaSettings.HospitalCalendar(List.of("2027-03-02"))));
        fixture = RequestFixtures.newFixture(targets);
        CalendarDefinition ousCalendar = new CalendarDefinition("NO", "Europe/Oslo", List.of(LocalDate.of(2027, 3, 2)));

        fixture.givenCurrentTime(MONDAY_9)
                .andGiven(submitted(), new RequestAccepted(REQUEST_ID, Priority.URGENT, null))
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null), asCoordinator())
                // one working day on OUS's calendar: its closed Tuesday does not count
                .expectEvents(new ServiceAssigned(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null),
                        new SlaClockStarted(REQUEST_ID, Clock.HOSPITAL_RESPONSE, ASSIGNMENT, OUS, MONITORING,
                                Priority.URGENT, MONDAY_9, SlaTarget.ofWorkingDays(1), ousCalendar,
                                at(2027, 3, 3, 3), at(2027, 3, 3, 9)));
    }

    @Test
    void acknowledgementStopsHospitalResponseMetAndStartsDeliveryWithTheServicesTarget() {
        SlaTargets targets = RequestFixtures.slaTargets(new SlaSettings.Triage(5, null),
                new SlaSettings.HospitalResponse(3, null, Map.of()),
                new SlaSettings.Delivery(40, null, Map.of(Priority.HIGH, new SlaSettings.Target(20, null)),
                        Map.of(MONITORING, new SlaSettings.Target(10, null))), Map.of());
        fixture = RequestFixtures.newFixture(targets);

        fixture.givenCurrentTime(MONDAY_9)
                .andGiven(RequestFixtures.acceptedRequest())
                .andGiven(assigned(ASSIGNMENT, MONITORING, OUS),
                        clockStarted(Clock.HOSPITAL_RESPONSE, ASSIGNMENT, OUS, MONITORING, Priority.HIGH,
                                MONDAY_9.minus(Duration.ofHours(2))))
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(OUS))
                .expectEvents(new AssignmentAcknowledged(REQUEST_ID, ASSIGNMENT, MONITORING, OUS),
                        new SlaClockStopped(REQUEST_ID, Clock.HOSPITAL_RESPONSE, ASSIGNMENT, MONDAY_9, true),
                        new SlaClockStarted(REQUEST_ID, Clock.DELIVERY, ASSIGNMENT, OUS, MONITORING, Priority.HIGH,
                                MONDAY_9, SlaTarget.ofWorkingDays(10), NATIONAL, at(2027, 3, 10, 21),
                                at(2027, 3, 15, 9)))
                .expectScheduledDeadline(at(2027, 3, 15, 9),
                        new SlaDeadline(Clock.DELIVERY, ASSIGNMENT, at(2027, 3, 15, 9)));
    }

    @Test
    void aClockStartedWhileTheRequestWaitsForAnAnswerStartsPaused() {
        fixture.givenCurrentTime(MONDAY_9)
                .andGiven(RequestFixtures.acceptedRequest())
                .andGiven(clarificationRequested(CLARIFICATION, RequestStatus.ACCEPTED))
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null), asCoordinator())
                .expectEventsMatching(payloadTypes(ServiceAssigned.class, SlaClockStarted.class,
                        SlaClockPaused.class))
                .expectNoScheduledDeadlines();
    }

    // --- warnings and breaches ---

    @Test
    void at75PercentOfTheTargetTheSystemRaisesAWarning() {
        Instant warnAt = at(2027, 3, 5, 3);
        fixture.givenCurrentTime(MONDAY_9)
                .andGivenCommands(submit())
                .whenTimeAdvancesTo(warnAt)
                .expectTriggeredDeadlinesWithName(SlaDeadlines.WARNING)
                .expectEvents(new SlaWarningRaised(REQUEST_ID, Clock.TRIAGE, null, at(2027, 3, 8, 9)))
                .expectEventsMatching(allBySystem("75 % of the TRIAGE target elapsed"));
    }

    @Test
    void atTheDueTimeTheSystemRecordsTheBreachAndEscalatesTheRequest() {
        Instant dueAt = at(2027, 3, 8, 9);
        fixture.givenCurrentTime(MONDAY_9)
                .andGivenCommands(submit())
                .whenTimeAdvancesTo(dueAt)
                .expectTriggeredDeadlinesWithName(SlaDeadlines.WARNING, SlaDeadlines.BREACH)
                .expectEvents(new SlaWarningRaised(REQUEST_ID, Clock.TRIAGE, null, dueAt),
                        new SlaClockBreached(REQUEST_ID, Clock.TRIAGE, null, dueAt),
                        new RequestEscalated(REQUEST_ID, Clock.TRIAGE, null, null, dueAt))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aBreachedClockRunsOnAndStopsNotMet() {
        Instant dueAt = at(2027, 3, 8, 9);
        fixture.givenCurrentTime(dueAt.plus(Duration.ofDays(1)))
                .andGiven(submitted(), clockStarted(Clock.TRIAGE, null, null, null, null, MONDAY_9),
                        new SlaWarningRaised(REQUEST_ID, Clock.TRIAGE, null, dueAt),
                        new SlaClockBreached(REQUEST_ID, Clock.TRIAGE, null, dueAt),
                        new RequestEscalated(REQUEST_ID, Clock.TRIAGE, null, null, dueAt))
                .when(new AcceptRequest(REQUEST_ID, Priority.NORMAL, null), asCoordinator())
                .expectEvents(new RequestAccepted(REQUEST_ID, Priority.NORMAL, null),
                        new SlaClockStopped(REQUEST_ID, Clock.TRIAGE, null, dueAt.plus(Duration.ofDays(1)), false));
    }

    @Test
    void aClockStoppedBeforeItsDueTimeIsMetAndItsDeadlinesAreCancelled() {
        fixture.givenCurrentTime(MONDAY_9)
                .andGiven(submitted(), clockStarted(Clock.TRIAGE, null, null, null, null, MONDAY_9.minusSeconds(1)))
                .when(new AcceptRequest(REQUEST_ID, Priority.NORMAL, null), asCoordinator())
                .expectEvents(new RequestAccepted(REQUEST_ID, Priority.NORMAL, null),
                        new SlaClockStopped(REQUEST_ID, Clock.TRIAGE, null, MONDAY_9, true));
        fixture.givenCurrentTime(MONDAY_9)
                .andGivenCommands(submit())
                .when(new AcceptRequest(REQUEST_ID, Priority.NORMAL, null), asCoordinator())
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDecisionAfterTheDueTimeRecordsTheMissedWarningAndBreachFirstAsTheSystems() {
        Instant dueAt = at(2027, 3, 8, 9);
        Instant decidedAt = dueAt.plusSeconds(1);
        fixture.givenCurrentTime(decidedAt)
                .andGiven(submitted(), clockStarted(Clock.TRIAGE, null, null, null, null, MONDAY_9))
                .when(new AcceptRequest(REQUEST_ID, Priority.NORMAL, null), asCoordinator())
                .expectEvents(new RequestAccepted(REQUEST_ID, Priority.NORMAL, null),
                        new SlaWarningRaised(REQUEST_ID, Clock.TRIAGE, null, dueAt),
                        new SlaClockBreached(REQUEST_ID, Clock.TRIAGE, null, dueAt),
                        new RequestEscalated(REQUEST_ID, Clock.TRIAGE, null, null, dueAt),
                        new SlaClockStopped(REQUEST_ID, Clock.TRIAGE, null, decidedAt, false))
                .expectEventsMatching(decisionByTheUserTheRestBySystem());
    }

    // --- pauses ---

    @Test
    void aClarificationPausesEveryCountingClockAndCancelsTheirDeadlines() {
        fixture.givenCurrentTime(MONDAY_9)
                .andGivenCommands(submit())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, "How many sites?"), asCoordinator())
                .expectEvents(new ClarificationRequested(REQUEST_ID, CLARIFICATION, "How many sites?",
                                RequestFixtures.COORDINATOR, Role.COORDINATOR, null,
                                RequestStatus.SUBMITTED),
                        new SlaClockPaused(REQUEST_ID, Clock.TRIAGE, null, MONDAY_9))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPausedClockNeitherWarnsNorBreaches() {
        fixture.givenCurrentTime(MONDAY_9)
                .andGivenCommands(submit(), command(new AskClarification(REQUEST_ID, CLARIFICATION, "Sites?"),
                        asCoordinator()))
                .whenTimeElapses(Duration.ofDays(30))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void theAnswerResumesTheClockWithItsDueTimesMovedByTheWorkingTimeOfThePauseNotTheWeekend() {
        Instant friday9 = at(2027, 3, 5, 9);
        Instant monday9 = at(2027, 3, 8, 9);
        SlaClockStarted started = clockStarted(Clock.TRIAGE, null, null, null, null, at(2027, 3, 4, 9));
        // started Thursday 09:00: warning the next Wednesday 03:00, due the next Thursday 09:00
        assertThat(started.warnAt()).isEqualTo(at(2027, 3, 10, 3));
        assertThat(started.dueAt()).isEqualTo(at(2027, 3, 11, 9));
        // paused from Friday 09:00 to Monday 09:00: one working day, not three days
        Instant movedWarnAt = at(2027, 3, 11, 3);
        Instant movedDueAt = at(2027, 3, 12, 9);
        fixture.givenCurrentTime(monday9)
                .andGiven(submitted(), started, clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        new SlaClockPaused(REQUEST_ID, Clock.TRIAGE, null, friday9))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, "Six sites."), asInvestigator())
                .expectEvents(new ClarificationAnswered(REQUEST_ID, CLARIFICATION, "Six sites.",
                                RequestStatus.SUBMITTED),
                        new SlaClockResumed(REQUEST_ID, Clock.TRIAGE, null, friday9, monday9, movedWarnAt, movedDueAt))
                .expectScheduledDeadline(movedWarnAt, new SlaDeadline(Clock.TRIAGE, null, movedWarnAt))
                .expectScheduledDeadline(movedDueAt, new SlaDeadline(Clock.TRIAGE, null, movedDueAt));
    }

    @Test
    void aDurationTargetMovesByTheWallClockTimeOfThePause() {
        SlaTargets targets = RequestFixtures.slaTargets(new SlaSettings.Triage(null, Duration.ofSeconds(8)),
                new SlaSettings.HospitalResponse(3, null, Map.of()),
                new SlaSettings.Delivery(40, null, Map.of(), Map.of()), Map.of());
        fixture = RequestFixtures.newFixture(targets);
        Instant saturday = at(2027, 3, 6, 12);
        fixture.givenCurrentTime(saturday)
                .andGivenCommands(submit(), command(new AskClarification(REQUEST_ID, CLARIFICATION, "Sites?"),
                        asCoordinator()))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectNoEvents();
        fixture.givenCurrentTime(saturday.plusSeconds(30))
                .andGiven(submitted(), new SlaClockStarted(REQUEST_ID, Clock.TRIAGE, null, null, null, null, saturday,
                                SlaTarget.ofDuration(Duration.ofSeconds(8)), NATIONAL, saturday.plusSeconds(6),
                                saturday.plusSeconds(8)),
                        clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        new SlaClockPaused(REQUEST_ID, Clock.TRIAGE, null, saturday.plusSeconds(2)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, "Six sites."), asInvestigator())
                .expectEvents(new ClarificationAnswered(REQUEST_ID, CLARIFICATION, "Six sites.",
                                RequestStatus.SUBMITTED),
                        new SlaClockResumed(REQUEST_ID, Clock.TRIAGE, null, saturday.plusSeconds(2),
                                saturday.plusSeconds(30), saturday.plusSeconds(34), saturday.plusSeconds(36)));
    }

    // --- stale deadlines ---

    @Test
    void aDeadlineLeftBehindByAPauseAndResumeDoesNothing() {
        Instant warnAt = at(2027, 3, 5, 3);
        Instant dueAt = at(2027, 3, 8, 9);
        // the submission scheduled the deadlines; the events after it (not commands) left them in place
        fixture.givenCurrentTime(MONDAY_9)
                .andGivenCommands(submit())
                .andGiven(clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        new SlaClockPaused(REQUEST_ID, Clock.TRIAGE, null, MONDAY_9),
                        RequestFixtures.clarificationAnswered(CLARIFICATION, RequestStatus.SUBMITTED),
                        new SlaClockResumed(REQUEST_ID, Clock.TRIAGE, null, MONDAY_9, at(2027, 3, 2, 9),
                                at(2027, 3, 8, 3), at(2027, 3, 9, 9)))
                .whenTimeAdvancesTo(dueAt)
                .expectTriggeredDeadlines(new SlaDeadline(Clock.TRIAGE, null, warnAt),
                        new SlaDeadline(Clock.TRIAGE, null, dueAt))
                .expectNoEvents();
    }

    @Test
    void aDeadlineOfAStoppedClockDoesNothing() {
        fixture.givenCurrentTime(MONDAY_9)
                .andGivenCommands(submit())
                .andGiven(new RequestAccepted(REQUEST_ID, Priority.NORMAL, null),
                        new SlaClockStopped(REQUEST_ID, Clock.TRIAGE, null, MONDAY_9, true))
                .whenTimeElapses(Duration.ofDays(30))
                .expectTriggeredDeadlinesWithName(SlaDeadlines.WARNING, SlaDeadlines.BREACH)
                .expectNoEvents();
    }

    // --- the request closes ---

    @Test
    void everyRunningClockStopsWhenTheRequestIsWithdrawn() {
        fixture.givenCurrentTime(MONDAY_9)
                .andGiven(submitted(), clockStarted(Clock.TRIAGE, null, null, null, null, MONDAY_9),
                        new RequestAccepted(REQUEST_ID, Priority.HIGH, null),
                        new SlaClockStopped(REQUEST_ID, Clock.TRIAGE, null, MONDAY_9, true),
                        assigned(ASSIGNMENT, MONITORING, OUS),
                        clockStarted(Clock.HOSPITAL_RESPONSE, ASSIGNMENT, OUS, MONITORING, Priority.HIGH, MONDAY_9),
                        RequestFixtures.acknowledged(ASSIGNMENT, MONITORING, OUS),
                        new SlaClockStopped(REQUEST_ID, Clock.HOSPITAL_RESPONSE, ASSIGNMENT, MONDAY_9, true),
                        clockStarted(Clock.DELIVERY, ASSIGNMENT, OUS, MONITORING, Priority.HIGH, MONDAY_9),
                        assigned(SECOND_ASSIGNMENT, BIOSTATISTICS, HUS),
                        clockStarted(Clock.HOSPITAL_RESPONSE, SECOND_ASSIGNMENT, HUS, BIOSTATISTICS, Priority.HIGH,
                                MONDAY_9))
                .when(new WithdrawRequest(REQUEST_ID, "Study cancelled"), asInvestigator())
                .expectEvents(
                        new AssignmentCancelled(REQUEST_ID, ASSIGNMENT, MONITORING, OUS,
                                "Request withdrawn by its investigator: Study cancelled"),
                        new AssignmentCancelled(REQUEST_ID, SECOND_ASSIGNMENT, BIOSTATISTICS, HUS,
                                "Request withdrawn by its investigator: Study cancelled"),
                        new RequestWithdrawn(REQUEST_ID, "Study cancelled", RequestStatus.IN_PROGRESS),
                        new SlaClockStopped(REQUEST_ID, Clock.DELIVERY, ASSIGNMENT, MONDAY_9, true),
                        new SlaClockStopped(REQUEST_ID, Clock.HOSPITAL_RESPONSE, SECOND_ASSIGNMENT, MONDAY_9, true))
                .expectNoScheduledDeadlines();
    }

    @Test
    void triageStopsWhenTheRequestIsRejected() {
        fixture.givenCurrentTime(MONDAY_9)
                .andGivenCommands(submit())
                .when(new RejectRequest(REQUEST_ID, "Out of scope"), asCoordinator())
                .expectEvents(new RequestRejected(REQUEST_ID, "Out of scope"),
                        new SlaClockStopped(REQUEST_ID, Clock.TRIAGE, null, MONDAY_9, true))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aReassignmentStopsTheOldAssignmentsClockAndStartsOneForTheNew() {
        fixture.givenCurrentTime(MONDAY_9)
                .andGiven(RequestFixtures.acceptedRequest())
                .andGiven(assigned(ASSIGNMENT, MONITORING, OUS),
                        clockStarted(Clock.HOSPITAL_RESPONSE, ASSIGNMENT, OUS, MONITORING, Priority.HIGH, MONDAY_9))
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT,
                        SECOND_ASSIGNMENT, HUS, "Closer to the sites"), asCoordinator())
                .expectEventsMatching(payloadTypes(AssignmentReassigned.class,
                        SlaClockStopped.class, ServiceAssigned.class, SlaClockStarted.class))
                .expectScheduledDeadline(at(2027, 3, 4, 9),
                        new SlaDeadline(Clock.HOSPITAL_RESPONSE, SECOND_ASSIGNMENT, at(2027, 3, 4, 9)));
    }

    // --- matchers ---

    private static Matcher<List<EventMessage<?>>> payloadTypes(Class<?>... types) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream().map(EventMessage::getPayloadType).toList().equals(List.of(types));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events of the types ").appendValue(List.of(types));
            }
        };
    }

    /**
     * The first and last event not by the system (in the application, they carry the coordinator's
     * command's metadata), those between by the system, with no hospital.
     */
    private static Matcher<List<EventMessage<?>>> decisionByTheUserTheRestBySystem() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return byCoordinator(events.get(0)) && byCoordinator(events.get(events.size() - 1))
                        && events.subList(1, events.size() - 1).stream().allMatch(event ->
                        "system".equals(event.getMetaData().get(Actor.USER_ID))
                                && "SYSTEM".equals(event.getMetaData().get(Actor.ROLE))
                                && event.getMetaData().get(Actor.HOSPITAL) == null);
            }

            private boolean byCoordinator(EventMessage<?> event) {
                return !"system".equals(event.getMetaData().get(Actor.USER_ID));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the decision and the stop by the coordinator, the rest by the system");
            }
        };
    }

    /** Every event by the user {@code system} in the role {@code SYSTEM}, with the reason. */
    private static Matcher<List<EventMessage<?>>> allBySystem(String reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return !events.isEmpty() && events.stream().allMatch(event ->
                        "system".equals(event.getMetaData().get(Actor.USER_ID))
                                && "SYSTEM".equals(event.getMetaData().get(Actor.ROLE))
                                && reason.equals(event.getMetaData().get(Actor.REASON)));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events by the system, reason ").appendValue(reason);
            }
        };
    }
}
