package org.studysupport.command.request;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.reference.Hospital;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.RequestWithdrawn;
import org.studysupport.api.request.StudyDetails;
import org.studysupport.api.request.StudyPhase;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;
import org.studysupport.api.sla.CalendarDefinition;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.SlaClockStarted;
import org.studysupport.api.sla.SlaTarget;
import org.studysupport.command.reference.ReferenceNumbers;
import org.studysupport.command.sla.SlaDeadlineIds;
import org.studysupport.command.sla.SlaMath;
import org.studysupport.command.sla.SlaSettings;
import org.studysupport.command.sla.SlaTargets;
import org.studysupport.command.sla.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.studysupport.api.reference.ServiceCode.BIOSTATISTICS;
import static org.studysupport.api.reference.ServiceCode.DATA_MANAGEMENT;
import static org.studysupport.api.reference.ServiceCode.MONITORING;

/**
 * Shared setup for the {@link SupportRequest} fixture tests: one request, its actors, a small
 * hospital directory, and the events of the usual histories.
 */
final class RequestFixtures {

    static final UUID REQUEST_ID = UUID.fromString("5e0c1d2a-0000-4000-8000-000000000001");
    static final String REFERENCE = "SR-2026-00001";

    static final String INVESTIGATOR = "ingrid.investigator";
    static final String OTHER_INVESTIGATOR = "olav.investigator";
    static final String COORDINATOR = "camilla.coordinator";

    /** The services the request asks for. */
    static final List<ServiceCode> SERVICES = List.of(MONITORING, DATA_MANAGEMENT, BIOSTATISTICS);

    static final UUID ASSIGNMENT = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    static final UUID SECOND_ASSIGNMENT = UUID.fromString("a0000000-0000-4000-8000-000000000002");
    static final UUID THIRD_ASSIGNMENT = UUID.fromString("a0000000-0000-4000-8000-000000000003");
    static final UUID FOURTH_ASSIGNMENT = UUID.fromString("a0000000-0000-4000-8000-000000000004");
    static final UUID UNKNOWN_ASSIGNMENT = UUID.fromString("a0000000-0000-4000-8000-0000000000ff");

    static final UUID CLARIFICATION = UUID.fromString("c0000000-0000-4000-8000-000000000001");
    static final UUID SECOND_CLARIFICATION = UUID.fromString("c0000000-0000-4000-8000-000000000002");

    static final UUID COMMENT = UUID.fromString("d0000000-0000-4000-8000-000000000001");
    static final UUID SECOND_COMMENT = UUID.fromString("d0000000-0000-4000-8000-000000000002");

    /** OUS offers MONITORING and DATA_MANAGEMENT. */
    static final String OUS = "OUS";
    /** HUS offers MONITORING and BIOSTATISTICS. */
    static final String HUS = "HUS";
    /** SUS offers MONITORING, DATA_MANAGEMENT and BIOSTATISTICS. */
    static final String SUS = "SUS";
    /** STO offers MONITORING, DATA_MANAGEMENT and BIOSTATISTICS but does not accept requests at the moment. */
    static final String STO = "STO";
    /** Not in the directory. */
    static final String UNKNOWN_HOSPITAL = "XYZ";

    private RequestFixtures() {
    }

    // --- fixture ---

    static FixtureConfiguration<SupportRequest> newFixture() {
        return newFixture(new CountingReferenceNumbers());
    }

    static FixtureConfiguration<SupportRequest> newFixture(ReferenceNumbers referenceNumbers) {
        return newFixture(referenceNumbers, defaultSlaTargets());
    }

    /** A fixture whose clocks start with the given targets and calendars. */
    static FixtureConfiguration<SupportRequest> newFixture(SlaTargets slaTargets) {
        return newFixture(new CountingReferenceNumbers(), slaTargets);
    }

    static FixtureConfiguration<SupportRequest> newFixture(ReferenceNumbers referenceNumbers, SlaTargets slaTargets) {
        FixtureConfiguration<SupportRequest> fixture = new AggregateTestFixture<>(SupportRequest.class);
        // After each successful command the fixture re-sources the aggregate and compares its whole state,
        // assignments included, with the one that handled the command.
        fixture.registerInjectableResource(referenceNumbers);
        fixture.registerInjectableResource(new TestHospitalDirectory());
        fixture.registerInjectableResource(slaTargets);
        fixture.registerInjectableResource(new InMemorySlaDeadlineIds());
        fixture.registerInjectableResource(new TestContactSealer());
        return fixture;
    }

    /** The deadlines' schedule ids in memory, cancelled through the fixture's deadline manager. */
    static final class InMemorySlaDeadlineIds implements SlaDeadlineIds {

        private final Map<UUID, List<Scheduled>> byRequest = new LinkedHashMap<>();

        @Override
        public void remember(UUID requestId, Scheduled deadline) {
            byRequest.computeIfAbsent(requestId, id -> new ArrayList<>()).add(deadline);
        }

        @Override
        public void cancelAll(UUID requestId, DeadlineManager deadlines) {
            List<Scheduled> taken = byRequest.remove(requestId);
            if (taken != null) {
                taken.forEach(scheduled -> deadlines.cancelSchedule(scheduled.deadlineName(), scheduled.scheduleId()));
            }
        }
    }

    /** The default targets: triage 5, hospital response 3, delivery 40 working days, Norway in Europe/Oslo. */
    static SlaTargets defaultSlaTargets() {
        return slaTargets(new SlaSettings.Triage(5, null), new SlaSettings.HospitalResponse(3, null, Map.of()),
                new SlaSettings.Delivery(40, null, Map.of(), Map.of()), Map.of());
    }

    static SlaTargets slaTargets(SlaSettings.Triage triage, SlaSettings.HospitalResponse hospitalResponse,
                                 SlaSettings.Delivery delivery, Map<String, SlaSettings.HospitalCalendar> hospitals) {
        SlaSettings settings = new SlaSettings(triage, hospitalResponse, delivery,
                new SlaSettings.CalendarSettings("NO", ZoneId.of("Europe/Oslo"), List.of(), hospitals));
        return new SlaTargets(settings, ZoneId.of("Europe/Oslo"), SlaTargets.anyHospital());
    }

    /** Hands out {@link #REFERENCE} and counts how often it was asked. */
    static final class CountingReferenceNumbers implements ReferenceNumbers {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String next() {
            calls.incrementAndGet();
            return REFERENCE;
        }
    }

    static final class TestHospitalDirectory implements HospitalDirectory {

        private final Map<String, Hospital> hospitals = new LinkedHashMap<>();

        TestHospitalDirectory() {
            add(new Hospital(OUS, "Oslo University Hospital", Set.of(MONITORING, DATA_MANAGEMENT), true));
            add(new Hospital(HUS, "Haukeland University Hospital", Set.of(MONITORING, BIOSTATISTICS), true));
            add(new Hospital(SUS, "Stavanger University Hospital",
                    Set.of(MONITORING, DATA_MANAGEMENT, BIOSTATISTICS), true));
            add(new Hospital(STO, "St. Olavs Hospital", Set.of(MONITORING, DATA_MANAGEMENT, BIOSTATISTICS), false));
        }

        private void add(Hospital hospital) {
            hospitals.put(hospital.code(), hospital);
        }

        @Override
        public List<Hospital> all() {
            return List.copyOf(hospitals.values());
        }

        @Override
        public Optional<Hospital> find(String code) {
            return Optional.ofNullable(code).map(hospitals::get);
        }
    }

    // --- who acts (command metadata) ---

    static Map<String, Object> asInvestigator() {
        return Map.of(Actor.USER_ID, INVESTIGATOR, Actor.ROLE, Role.INVESTIGATOR.name());
    }

    static Map<String, Object> asOtherInvestigator() {
        return Map.of(Actor.USER_ID, OTHER_INVESTIGATOR, Actor.ROLE, Role.INVESTIGATOR.name());
    }

    static Map<String, Object> asCoordinator() {
        return Map.of(Actor.USER_ID, COORDINATOR, Actor.ROLE, Role.COORDINATOR.name());
    }

    static Map<String, Object> asHospital(String hospital) {
        return Map.of(Actor.USER_ID, staffOf(hospital), Actor.ROLE, Role.HOSPITAL.name(), Actor.HOSPITAL, hospital);
    }

    /** Hospital staff whose metadata names no hospital. */
    static Map<String, Object> asHospitalStaffWithoutHospital() {
        return Map.of(Actor.USER_ID, "nobody.hospital", Actor.ROLE, Role.HOSPITAL.name());
    }

    static Map<String, Object> asAuditor() {
        return Map.of(Actor.USER_ID, "aud.auditor", Actor.ROLE, Role.AUDITOR.name());
    }

    static Map<String, Object> asAdmin() {
        return Map.of(Actor.USER_ID, "adam.admin", Actor.ROLE, Role.ADMIN.name());
    }

    /** A user of the given role; the investigator is the request's own, hospital staff act for OUS. */
    static Map<String, Object> as(Role role) {
        return switch (role) {
            case INVESTIGATOR -> asInvestigator();
            case COORDINATOR -> asCoordinator();
            case HOSPITAL -> asHospital(OUS);
            case AUDITOR -> asAuditor();
            case ADMIN -> asAdmin();
        };
    }

    static String staffOf(String hospital) {
        return "staff." + hospital.toLowerCase();
    }

    // --- input ---

    static StudyDetails study() {
        return new StudyDetails("Early mobilisation after hip fracture", "EMOHIP", StudyPhase.PHASE_3,
                "Oslo University Hospital", "Orthopaedics", FundingStatus.AWARDED, LocalDate.of(2026, 9, 1),
                List.of("NO", "SE"), 6, "A randomised trial of early mobilisation.");
    }

    static ContactDetails contact() {
        return new ContactDetails("Ingrid Investigator", "ingrid@example.org", "+47 22 00 00 00");
    }

    /** The contact as the test sealer seals it for the fixture's request and investigator. */
    static SealedContact sealedContact() {
        return TestContactSealer.sealedFor(REQUEST_ID, INVESTIGATOR, contact());
    }

    // --- events ---

    static RequestSubmitted submitted() {
        return new RequestSubmitted(REQUEST_ID, REFERENCE, INVESTIGATOR, study(), SERVICES, sealedContact());
    }

    static RequestAccepted accepted() {
        return new RequestAccepted(REQUEST_ID, Priority.HIGH, "Fits the network's portfolio");
    }

    static RequestRejected rejected() {
        return new RequestRejected(REQUEST_ID, "Outside the network's scope");
    }

    static RequestCompleted completed() {
        return new RequestCompleted(REQUEST_ID, "All services delivered");
    }

    static RequestWithdrawn withdrawn(RequestStatus previous) {
        return new RequestWithdrawn(REQUEST_ID, "Study cancelled", previous);
    }

    static ClarificationRequested clarificationRequested(UUID clarificationId, RequestStatus resume) {
        return new ClarificationRequested(REQUEST_ID, clarificationId, "How many sites?", COORDINATOR,
                Role.COORDINATOR, null, resume);
    }

    static ClarificationAnswered clarificationAnswered(UUID clarificationId, RequestStatus resumed) {
        return new ClarificationAnswered(REQUEST_ID, clarificationId, "Six sites.", resumed);
    }

    static ServiceAssigned assigned(UUID assignmentId, ServiceCode service, String hospital) {
        return new ServiceAssigned(REQUEST_ID, assignmentId, service, hospital, null);
    }

    static AssignmentAcknowledged acknowledged(UUID assignmentId, ServiceCode service, String hospital) {
        return new AssignmentAcknowledged(REQUEST_ID, assignmentId, service, hospital);
    }

    static AssignmentDeclined declined(UUID assignmentId, ServiceCode service, String hospital) {
        return new AssignmentDeclined(REQUEST_ID, assignmentId, service, hospital, "No capacity this quarter");
    }

    static AssignmentCompleted assignmentCompleted(UUID assignmentId, ServiceCode service, String hospital) {
        return new AssignmentCompleted(REQUEST_ID, assignmentId, service, hospital, "Monitoring plan delivered");
    }

    static AssignmentCancelled cancelled(UUID assignmentId, ServiceCode service, String hospital) {
        return new AssignmentCancelled(REQUEST_ID, assignmentId, service, hospital, "No longer needed");
    }

    static AssignmentReassigned reassigned(UUID assignmentId, ServiceCode service, String from, UUID newAssignmentId,
                                           String to) {
        return new AssignmentReassigned(REQUEST_ID, assignmentId, service, from, newAssignmentId, to,
                "Closer to the sites");
    }

    static CommentAdded commentAdded(UUID commentId) {
        return new CommentAdded(REQUEST_ID, commentId, "A note", CommentVisibility.PUBLIC, COORDINATOR);
    }

    /** A clock's start as the default targets make it, at {@code at}. */
    static SlaClockStarted clockStarted(Clock clock, UUID assignmentId, String hospital, ServiceCode service,
                                        Priority priority, Instant at) {
        SlaTargets targets = defaultSlaTargets();
        SlaTarget target = targets.target(clock, service, priority);
        CalendarDefinition calendar = targets.calendar(hospital);
        WorkingCalendar working = WorkingCalendar.of(calendar);
        return new SlaClockStarted(REQUEST_ID, clock, assignmentId, hospital, service, priority, at, target, calendar,
                SlaMath.warnAt(at, target, working), SlaMath.dueAt(at, target, working));
    }

    // --- histories ---

    static List<Object> history(Object... events) {
        return List.of(events);
    }

    static List<Object> concat(List<Object> first, Object... more) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    static List<Object> submittedRequest() {
        return history(submitted());
    }

    static List<Object> acceptedRequest() {
        return history(submitted(), accepted());
    }

    /** Accepted, MONITORING assigned to OUS and still PENDING. */
    static List<Object> pendingAtOus() {
        return concat(acceptedRequest(), assigned(ASSIGNMENT, MONITORING, OUS));
    }

    /** Accepted, MONITORING assigned to OUS and ACTIVE. */
    static List<Object> activeAtOus() {
        return concat(pendingAtOus(), acknowledged(ASSIGNMENT, MONITORING, OUS));
    }

    static List<Object> rejectedRequest() {
        return history(submitted(), rejected());
    }

    static List<Object> withdrawnRequest() {
        return history(submitted(), withdrawn(RequestStatus.SUBMITTED));
    }

    /** MONITORING delivered by OUS, then the request completed. */
    static List<Object> completedRequest() {
        return concat(activeAtOus(), assignmentCompleted(ASSIGNMENT, MONITORING, OUS), completed());
    }

    // --- matchers ---

    /**
     * The published events, the service-level clock events left out, are exactly these payloads in
     * this order: for tests about the request's life cycle, whose clocks {@code SlaClocksTest} covers.
     */
    static Matcher<List<EventMessage<?>>> withoutClocks(Object... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return lifeCycle(events).equals(List.of(expected));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events other than SLA clock events: ").appendValue(List.of(expected));
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description description) {
                description.appendText("were ").appendValue(lifeCycle(events));
            }
        };
    }

    private static List<Object> lifeCycle(List<EventMessage<?>> events) {
        return events.stream().map(EventMessage::getPayload)
                .filter(payload -> !payload.getClass().getPackageName().equals(Clock.class.getPackageName()))
                .map(payload -> (Object) payload).toList();
    }

    /** An {@link InvalidInputException} about the given field. */
    static Matcher<Object> invalidField(String field) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInputException e && field.equals(e.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInputException about field ").appendValue(field);
            }
        };
    }
}
