package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.assignment.AcknowledgeAssignment;
import org.studysupport.api.assignment.AssignService;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.CancelAssignment;
import org.studysupport.api.assignment.ReassignAssignment;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.studysupport.api.reference.ServiceCode.DATA_MANAGEMENT;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.command.request.RequestFixtures.ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.HUS;
import static org.studysupport.command.request.RequestFixtures.OUS;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SECOND_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.STO;
import static org.studysupport.command.request.RequestFixtures.SUS;
import static org.studysupport.command.request.RequestFixtures.THIRD_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.UNKNOWN_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.UNKNOWN_HOSPITAL;
import static org.studysupport.command.request.RequestFixtures.activeAtOus;
import static org.studysupport.command.request.RequestFixtures.as;
import static org.studysupport.command.request.RequestFixtures.asCoordinator;
import static org.studysupport.command.request.RequestFixtures.asHospital;
import static org.studysupport.command.request.RequestFixtures.assigned;
import static org.studysupport.command.request.RequestFixtures.assignmentCompleted;
import static org.studysupport.command.request.RequestFixtures.cancelled;
import static org.studysupport.command.request.RequestFixtures.clarificationRequested;
import static org.studysupport.command.request.RequestFixtures.concat;
import static org.studysupport.command.request.RequestFixtures.declined;
import static org.studysupport.command.request.RequestFixtures.invalidField;
import static org.studysupport.command.request.RequestFixtures.pendingAtOus;
import static org.studysupport.command.request.RequestFixtures.reassigned;
import static org.studysupport.command.request.RequestFixtures.withoutClocks;

/**
 * A coordinator reassigns a PENDING or ACTIVE assignment to another hospital (→ REASSIGNED, and a new
 * PENDING assignment there) or cancels it (→ CANCELLED), each with a reason.
 */
class ReassignmentTest {

    private static final String REASON = "Closer to the sites";

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixtures.newFixture();
    }

    // --- reassign ---

    @Test
    void coordinatorReassignsAPendingAssignmentWhichOpensANewPendingOneAtTheOtherHospital() {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, HUS, REASON), asCoordinator())
                .expectEventsMatching(withoutClocks(
                        new AssignmentReassigned(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS,
                                REASON),
                        new ServiceAssigned(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS, null)))
                // the version after the new assignment's hospital-response clock started
                .expectResultMessagePayload(5L);
    }

    @Test
    void coordinatorReassignsAnActiveAssignment() {
        fixture.given(activeAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, SUS, REASON), asCoordinator())
                .expectEventsMatching(withoutClocks(
                        new AssignmentReassigned(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, SUS,
                                REASON),
                        new ServiceAssigned(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, SUS, null)));
    }

    @Test
    void anAssignmentCanBeReassignedWhileTheRequestAwaitsAnAnswer() {
        fixture.given(concat(pendingAtOus(), clarificationRequested(CLARIFICATION, RequestStatus.IN_PROGRESS)))
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, HUS, REASON), asCoordinator())
                .expectEventsMatching(withoutClocks(
                        new AssignmentReassigned(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS,
                                REASON),
                        new ServiceAssigned(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS, null)));
    }

    @Test
    void theNewHospitalWorksTheReassignedService() {
        fixture.given(concat(pendingAtOus(), reassigned(ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS),
                        assigned(SECOND_ASSIGNMENT, MONITORING, HUS)))
                .when(new AcknowledgeAssignment(REQUEST_ID, SECOND_ASSIGNMENT), asHospital(HUS))
                .expectEventsMatching(withoutClocks(new AssignmentAcknowledged(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS)));
    }

    @Test
    void theReassignedServiceStillHasAnOpenAssignment() {
        fixture.given(concat(pendingAtOus(), reassigned(ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS),
                        assigned(SECOND_ASSIGNMENT, MONITORING, HUS)))
                .when(new AssignService(REQUEST_ID, THIRD_ASSIGNMENT, MONITORING, SUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already has an open assignment"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyCoordinatorsMayReassign(Role role) {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, HUS, REASON), as(role))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("reassign assignments"))
                .expectNoEvents();
    }

    @Test
    void reassigningNeedsAReason() {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, HUS, " "), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("reason"))
                .expectNoEvents();
    }

    @Test
    void anUnknownAssignmentCannotBeReassigned() {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, UNKNOWN_ASSIGNMENT, SECOND_ASSIGNMENT, HUS, REASON),
                        asCoordinator())
                .expectException(UnknownEntityException.class)
                .expectExceptionMessage(containsString(UNKNOWN_ASSIGNMENT.toString()))
                .expectNoEvents();
    }

    @Test
    void reassigningToAnUnknownHospitalIsInvalidInput() {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, UNKNOWN_HOSPITAL, REASON),
                        asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("hospital"))
                .expectNoEvents();
    }

    @Test
    void anAssignmentCannotBeReassignedToAHospitalThatDoesNotOfferTheService() {
        fixture.given(concat(pendingAtOus(), assigned(SECOND_ASSIGNMENT, DATA_MANAGEMENT, OUS)))
                .when(new ReassignAssignment(REQUEST_ID, SECOND_ASSIGNMENT, THIRD_ASSIGNMENT, HUS, REASON),
                        asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("HUS does not offer DATA_MANAGEMENT"))
                .expectNoEvents();
    }

    @Test
    void anAssignmentCannotBeReassignedToAHospitalThatDoesNotAcceptRequests() {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, STO, REASON), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("STO does not accept requests"))
                .expectNoEvents();
    }

    @Test
    void anAssignmentCannotBeReassignedToTheHospitalItIsAlreadyAt() {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, OUS, REASON), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already at OUS"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedAssignmentCannotBeReassigned() {
        fixture.given(concat(pendingAtOus(), declined(ASSIGNMENT, MONITORING, OUS)))
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, HUS, REASON), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("DECLINED assignment cannot be reassigned"))
                .expectNoEvents();
    }

    @Test
    void aCompletedAssignmentCannotBeReassigned() {
        fixture.given(concat(activeAtOus(), assignmentCompleted(ASSIGNMENT, MONITORING, OUS)))
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, SECOND_ASSIGNMENT, HUS, REASON), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("COMPLETED assignment cannot be reassigned"))
                .expectNoEvents();
    }

    @Test
    void aReassignedAssignmentCannotBeReassignedAgain() {
        fixture.given(concat(pendingAtOus(), reassigned(ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS),
                        assigned(SECOND_ASSIGNMENT, MONITORING, HUS)))
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, THIRD_ASSIGNMENT, SUS, REASON), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("REASSIGNED assignment cannot be reassigned"))
                .expectNoEvents();
    }

    @Test
    void theNewAssignmentOfAReassignmentCanItselfBeReassigned() {
        fixture.given(concat(pendingAtOus(), reassigned(ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS),
                        assigned(SECOND_ASSIGNMENT, MONITORING, HUS)))
                .when(new ReassignAssignment(REQUEST_ID, SECOND_ASSIGNMENT, THIRD_ASSIGNMENT, SUS, REASON),
                        asCoordinator())
                .expectEventsMatching(withoutClocks(
                        new AssignmentReassigned(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS, THIRD_ASSIGNMENT,
                                SUS, REASON),
                        new ServiceAssigned(REQUEST_ID, THIRD_ASSIGNMENT, MONITORING, SUS, null)));
    }

    @Test
    void aReassignmentNeedsANewAssignmentId() {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, null, HUS, REASON), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("assignmentId"))
                .expectNoEvents();
    }

    @Test
    void aReassignmentCannotReuseAnAssignmentId() {
        fixture.given(pendingAtOus())
                .when(new ReassignAssignment(REQUEST_ID, ASSIGNMENT, ASSIGNMENT, HUS, REASON), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already exists"))
                .expectNoEvents();
    }

    // --- cancel ---

    @Test
    void coordinatorCancelsAPendingAssignmentWithAReason() {
        fixture.given(pendingAtOus())
                .when(new CancelAssignment(REQUEST_ID, ASSIGNMENT, "Sponsor does it"), asCoordinator())
                .expectEvents(new AssignmentCancelled(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, "Sponsor does it"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void coordinatorCancelsAnActiveAssignment() {
        fixture.given(activeAtOus())
                .when(new CancelAssignment(REQUEST_ID, ASSIGNMENT, "Sponsor does it"), asCoordinator())
                .expectEvents(new AssignmentCancelled(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, "Sponsor does it"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyCoordinatorsMayCancelAssignments(Role role) {
        fixture.given(pendingAtOus())
                .when(new CancelAssignment(REQUEST_ID, ASSIGNMENT, "No"), as(role))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("cancel assignments"))
                .expectNoEvents();
    }

    @Test
    void cancellingNeedsAReason() {
        fixture.given(pendingAtOus())
                .when(new CancelAssignment(REQUEST_ID, ASSIGNMENT, null), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("reason"))
                .expectNoEvents();
    }

    @Test
    void aCancelledAssignmentCannotBeCancelledAgain() {
        fixture.given(concat(pendingAtOus(), cancelled(ASSIGNMENT, MONITORING, OUS)))
                .when(new CancelAssignment(REQUEST_ID, ASSIGNMENT, "Again"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("CANCELLED assignment cannot be cancelled"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedAssignmentCannotBeCancelled() {
        fixture.given(concat(pendingAtOus(), declined(ASSIGNMENT, MONITORING, OUS)))
                .when(new CancelAssignment(REQUEST_ID, ASSIGNMENT, "Tidy up"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("DECLINED assignment cannot be cancelled"))
                .expectNoEvents();
    }

    @Test
    void aCompletedAssignmentCannotBeCancelled() {
        fixture.given(concat(activeAtOus(), assignmentCompleted(ASSIGNMENT, MONITORING, OUS)))
                .when(new CancelAssignment(REQUEST_ID, ASSIGNMENT, "Too late"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("COMPLETED assignment cannot be cancelled"))
                .expectNoEvents();
    }

    @Test
    void anUnknownAssignmentCannotBeCancelled() {
        fixture.given(pendingAtOus())
                .when(new CancelAssignment(REQUEST_ID, UNKNOWN_ASSIGNMENT, "No"), asCoordinator())
                .expectException(UnknownEntityException.class)
                .expectNoEvents();
    }
}
