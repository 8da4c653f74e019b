package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.assignment.AcknowledgeAssignment;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.CompleteAssignment;
import org.studysupport.api.assignment.DeclineAssignment;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.studysupport.api.reference.ServiceCode.BIOSTATISTICS;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.command.request.RequestFixtures.ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.HUS;
import static org.studysupport.command.request.RequestFixtures.OUS;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SECOND_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.UNKNOWN_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.acknowledged;
import static org.studysupport.command.request.RequestFixtures.activeAtOus;
import static org.studysupport.command.request.RequestFixtures.as;
import static org.studysupport.command.request.RequestFixtures.asHospital;
import static org.studysupport.command.request.RequestFixtures.asHospitalStaffWithoutHospital;
import static org.studysupport.command.request.RequestFixtures.assigned;
import static org.studysupport.command.request.RequestFixtures.assignmentCompleted;
import static org.studysupport.command.request.RequestFixtures.cancelled;
import static org.studysupport.command.request.RequestFixtures.clarificationRequested;
import static org.studysupport.command.request.RequestFixtures.concat;
import static org.studysupport.command.request.RequestFixtures.declined;
import static org.studysupport.command.request.RequestFixtures.invalidField;
import static org.studysupport.command.request.RequestFixtures.pendingAtOus;
import static org.studysupport.command.request.RequestFixtures.reassigned;
import static org.studysupport.command.request.RequestFixtures.withdrawn;
import static org.studysupport.command.request.RequestFixtures.withoutClocks;

/**
 * The hospital an assignment is routed to works it: acknowledges (PENDING → ACTIVE) or declines
 * (PENDING → DECLINED, with a reason) it, and completes it (ACTIVE → COMPLETED, with a summary).
 */
class HospitalWorkTest {

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixtures.newFixture();
    }

    // --- acknowledge ---

    @Test
    void hospitalAcknowledgesItsPendingAssignment() {
        fixture.given(pendingAtOus())
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(OUS))
                .expectEventsMatching(withoutClocks(new AssignmentAcknowledged(REQUEST_ID, ASSIGNMENT, MONITORING, OUS)))
                // the version after the delivery clock's start, applied right after the acknowledgement
                .expectResultMessagePayload(4L);
    }

    @Test
    void hospitalCanAcknowledgeWhileTheRequestAwaitsAnAnswer() {
        fixture.given(concat(pendingAtOus(), clarificationRequested(CLARIFICATION, RequestStatus.IN_PROGRESS)))
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(OUS))
                .expectEventsMatching(withoutClocks(new AssignmentAcknowledged(REQUEST_ID, ASSIGNMENT, MONITORING, OUS)));
    }

    @Test
    void hospitalCannotAcknowledgeAnotherHospitalsAssignment() {
        fixture.given(pendingAtOus())
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(HUS))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("Only staff of OUS"))
                .expectNoEvents();
    }

    @Test
    void hospitalStaffWithoutAHospitalCannotAcknowledge() {
        fixture.given(pendingAtOus())
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospitalStaffWithoutHospital())
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "COORDINATOR", "AUDITOR", "ADMIN"})
    void onlyTheAssignedHospitalMayAcknowledge(Role role) {
        fixture.given(pendingAtOus())
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), as(role))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void anActiveAssignmentCannotBeAcknowledgedAgain() {
        fixture.given(activeAtOus())
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("ACTIVE assignment cannot be acknowledged"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedAssignmentCannotBeAcknowledged() {
        fixture.given(concat(pendingAtOus(), declined(ASSIGNMENT, MONITORING, OUS)))
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("DECLINED assignment cannot be acknowledged"))
                .expectNoEvents();
    }

    @Test
    void aReassignedAssignmentCannotBeAcknowledgedByTheHospitalItWasTakenFrom() {
        fixture.given(concat(pendingAtOus(), reassigned(ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS),
                        assigned(SECOND_ASSIGNMENT, MONITORING, HUS)))
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("REASSIGNED"))
                .expectNoEvents();
    }

    @Test
    void aCancelledAssignmentCannotBeAcknowledged() {
        fixture.given(concat(pendingAtOus(), cancelled(ASSIGNMENT, MONITORING, OUS)))
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void anUnknownAssignmentCannotBeAcknowledged() {
        fixture.given(pendingAtOus())
                .when(new AcknowledgeAssignment(REQUEST_ID, UNKNOWN_ASSIGNMENT), asHospital(OUS))
                .expectException(UnknownEntityException.class)
                .expectExceptionMessage(containsString(UNKNOWN_ASSIGNMENT.toString()))
                .expectNoEvents();
    }

    @Test
    void acknowledgingOneAssignmentLeavesTheOthersPending() {
        fixture.given(concat(pendingAtOus(), assigned(SECOND_ASSIGNMENT, BIOSTATISTICS, HUS),
                        acknowledged(SECOND_ASSIGNMENT, BIOSTATISTICS, HUS)))
                .when(new AcknowledgeAssignment(REQUEST_ID, ASSIGNMENT), asHospital(OUS))
                .expectEventsMatching(withoutClocks(new AssignmentAcknowledged(REQUEST_ID, ASSIGNMENT, MONITORING, OUS)));
    }

    // --- decline ---

    @Test
    void hospitalDeclinesItsPendingAssignmentWithAReason() {
        fixture.given(pendingAtOus())
                .when(new DeclineAssignment(REQUEST_ID, ASSIGNMENT, "No monitors free"), asHospital(OUS))
                .expectEvents(new AssignmentDeclined(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, "No monitors free"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void decliningNeedsAReason() {
        fixture.given(pendingAtOus())
                .when(new DeclineAssignment(REQUEST_ID, ASSIGNMENT, ""), asHospital(OUS))
                .expectException(InvalidInputException.class)
                .expectException(invalidField("reason"))
                .expectNoEvents();
    }

    @Test
    void hospitalCannotDeclineAnotherHospitalsAssignment() {
        fixture.given(pendingAtOus())
                .when(new DeclineAssignment(REQUEST_ID, ASSIGNMENT, "Not ours"), asHospital(HUS))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("Only staff of OUS"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "COORDINATOR", "AUDITOR", "ADMIN"})
    void onlyTheAssignedHospitalMayDecline(Role role) {
        fixture.given(pendingAtOus())
                .when(new DeclineAssignment(REQUEST_ID, ASSIGNMENT, "No"), as(role))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void anActiveAssignmentCannotBeDeclined() {
        fixture.given(activeAtOus())
                .when(new DeclineAssignment(REQUEST_ID, ASSIGNMENT, "Changed our mind"), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("ACTIVE assignment cannot be declined"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedAssignmentCannotBeDeclinedAgain() {
        fixture.given(concat(pendingAtOus(), declined(ASSIGNMENT, MONITORING, OUS)))
                .when(new DeclineAssignment(REQUEST_ID, ASSIGNMENT, "Still no"), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("DECLINED assignment cannot be declined"))
                .expectNoEvents();
    }

    @Test
    void anUnknownAssignmentCannotBeDeclined() {
        fixture.given(pendingAtOus())
                .when(new DeclineAssignment(REQUEST_ID, UNKNOWN_ASSIGNMENT, "No"), asHospital(OUS))
                .expectException(UnknownEntityException.class)
                .expectNoEvents();
    }

    // --- complete ---

    @Test
    void hospitalCompletesItsActiveAssignmentWithASummary() {
        fixture.given(activeAtOus())
                .when(new CompleteAssignment(REQUEST_ID, ASSIGNMENT, "Monitoring plan and 4 visits"),
                        asHospital(OUS))
                .expectEvents(new AssignmentCompleted(REQUEST_ID, ASSIGNMENT, MONITORING, OUS,
                        "Monitoring plan and 4 visits"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void completingAnAssignmentNeedsASummary() {
        fixture.given(activeAtOus())
                .when(new CompleteAssignment(REQUEST_ID, ASSIGNMENT, null), asHospital(OUS))
                .expectException(InvalidInputException.class)
                .expectException(invalidField("summary"))
                .expectNoEvents();
    }

    @Test
    void aPendingAssignmentMustBeAcknowledgedBeforeItIsCompleted() {
        fixture.given(pendingAtOus())
                .when(new CompleteAssignment(REQUEST_ID, ASSIGNMENT, "Done"), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("PENDING assignment cannot be completed; it must be ACTIVE"))
                .expectNoEvents();
    }

    @Test
    void aCompletedAssignmentCannotBeCompletedAgain() {
        fixture.given(concat(activeAtOus(), assignmentCompleted(ASSIGNMENT, MONITORING, OUS)))
                .when(new CompleteAssignment(REQUEST_ID, ASSIGNMENT, "Done again"), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("COMPLETED assignment cannot be completed"))
                .expectNoEvents();
    }

    @Test
    void aCancelledAssignmentCannotBeCompleted() {
        fixture.given(concat(activeAtOus(), cancelled(ASSIGNMENT, MONITORING, OUS)))
                .when(new CompleteAssignment(REQUEST_ID, ASSIGNMENT, "Done anyway"), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void anAssignmentCancelledByAWithdrawalCannotBeCompleted() {
        fixture.given(concat(activeAtOus(), cancelled(ASSIGNMENT, MONITORING, OUS),
                        withdrawn(RequestStatus.IN_PROGRESS)))
                .when(new CompleteAssignment(REQUEST_ID, ASSIGNMENT, "Done anyway"), asHospital(OUS))
                .expectException(ActionNotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void hospitalCannotCompleteAnotherHospitalsAssignment() {
        fixture.given(activeAtOus())
                .when(new CompleteAssignment(REQUEST_ID, ASSIGNMENT, "Done"), asHospital(HUS))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("Only staff of OUS"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "COORDINATOR", "AUDITOR", "ADMIN"})
    void onlyTheAssignedHospitalMayCompleteAnAssignment(Role role) {
        fixture.given(activeAtOus())
                .when(new CompleteAssignment(REQUEST_ID, ASSIGNMENT, "Done"), as(role))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownAssignmentCannotBeCompleted() {
        fixture.given(activeAtOus())
                .when(new CompleteAssignment(REQUEST_ID, UNKNOWN_ASSIGNMENT, "Done"), asHospital(OUS))
                .expectException(UnknownEntityException.class)
                .expectNoEvents();
    }
}
