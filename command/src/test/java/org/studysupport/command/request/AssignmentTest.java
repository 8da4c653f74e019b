package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.assignment.AssignService;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.request.AskClarification;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.studysupport.api.reference.ServiceCode.BIOSTATISTICS;
import static org.studysupport.api.reference.ServiceCode.DATA_MANAGEMENT;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.api.reference.ServiceCode.REGULATORY;
import static org.studysupport.command.request.RequestFixtures.ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.COORDINATOR;
import static org.studysupport.command.request.RequestFixtures.HUS;
import static org.studysupport.command.request.RequestFixtures.OUS;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SECOND_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.SECOND_CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.STO;
import static org.studysupport.command.request.RequestFixtures.SUS;
import static org.studysupport.command.request.RequestFixtures.UNKNOWN_HOSPITAL;
import static org.studysupport.command.request.RequestFixtures.acceptedRequest;
import static org.studysupport.command.request.RequestFixtures.activeAtOus;
import static org.studysupport.command.request.RequestFixtures.as;
import static org.studysupport.command.request.RequestFixtures.asCoordinator;
import static org.studysupport.command.request.RequestFixtures.assigned;
import static org.studysupport.command.request.RequestFixtures.assignmentCompleted;
import static org.studysupport.command.request.RequestFixtures.cancelled;
import static org.studysupport.command.request.RequestFixtures.clarificationAnswered;
import static org.studysupport.command.request.RequestFixtures.clarificationRequested;
import static org.studysupport.command.request.RequestFixtures.completedRequest;
import static org.studysupport.command.request.RequestFixtures.concat;
import static org.studysupport.command.request.RequestFixtures.declined;
import static org.studysupport.command.request.RequestFixtures.invalidField;
import static org.studysupport.command.request.RequestFixtures.pendingAtOus;
import static org.studysupport.command.request.RequestFixtures.rejectedRequest;
import static org.studysupport.command.request.RequestFixtures.submittedRequest;
import static org.studysupport.command.request.RequestFixtures.withdrawn;
import static org.studysupport.command.request.RequestFixtures.withdrawnRequest;
import static org.studysupport.command.request.RequestFixtures.withoutClocks;

/** A coordinator routes each requested service of an accepted request to a partner hospital. */
class AssignmentTest {

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixtures.newFixture();
    }

    @Test
    void coordinatorAssignsARequestedServiceToAHospitalThatOffersIt() {
        fixture.given(acceptedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, "Six Norwegian sites"),
                        asCoordinator())
                .expectEventsMatching(withoutClocks(new ServiceAssigned(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, "Six Norwegian sites")))
                // the version after the hospital-response clock's start, applied right after the assignment
                .expectResultMessagePayload(3L);
    }

    @Test
    void theFirstAssignmentPutsTheRequestInProgress() {
        fixture.given(concat(acceptedRequest(), assigned(ASSIGNMENT, MONITORING, OUS)))
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, "Which eCRF?"), asCoordinator())
                .expectEvents(new ClarificationRequested(REQUEST_ID, CLARIFICATION, "Which eCRF?",
                        COORDINATOR, Role.COORDINATOR, null, RequestStatus.IN_PROGRESS));
    }

    @Test
    void furtherServicesCanBeAssignedWhileInProgress() {
        fixture.given(pendingAtOus())
                .when(new AssignService(REQUEST_ID, SECOND_ASSIGNMENT, BIOSTATISTICS, HUS, null), asCoordinator())
                .expectEventsMatching(withoutClocks(new ServiceAssigned(REQUEST_ID, SECOND_ASSIGNMENT, BIOSTATISTICS, HUS, null)));
    }

    @Test
    void oneHospitalCanTakeSeveralServicesOfARequest() {
        fixture.given(pendingAtOus())
                .when(new AssignService(REQUEST_ID, SECOND_ASSIGNMENT, DATA_MANAGEMENT, OUS, null), asCoordinator())
                .expectEventsMatching(withoutClocks(new ServiceAssigned(REQUEST_ID, SECOND_ASSIGNMENT, DATA_MANAGEMENT, OUS, null)));
    }

    @Test
    void servicesCanBeAssignedWhileAClarificationOfAnAcceptedRequestIsOpen() {
        fixture.given(concat(acceptedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.ACCEPTED)))
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null), asCoordinator())
                .expectEventsMatching(withoutClocks(new ServiceAssigned(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null)));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyCoordinatorsMayAssignServices(Role role) {
        fixture.given(acceptedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null), as(role))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("assign services"))
                .expectNoEvents();
    }

    @Test
    void aSubmittedRequestCannotHaveServicesAssigned() {
        fixture.given(submittedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("accepted first"))
                .expectNoEvents();
    }

    @Test
    void aSubmittedRequestAwaitingAnAnswerCannotHaveServicesAssigned() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("AWAITING_INFO"))
                .expectNoEvents();
    }

    @Test
    void aRejectedRequestCannotHaveServicesAssigned() {
        fixture.given(rejectedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("REJECTED"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnRequestCannotHaveServicesAssigned() {
        fixture.given(concat(acceptedRequest(), withdrawn(RequestStatus.ACCEPTED)))
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("WITHDRAWN"))
                .expectNoEvents();
    }

    @Test
    void aCompletedRequestCannotHaveServicesAssigned() {
        fixture.given(completedRequest())
                .when(new AssignService(REQUEST_ID, SECOND_ASSIGNMENT, DATA_MANAGEMENT, OUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("COMPLETED"))
                .expectNoEvents();
    }

    @Test
    void aServiceTheRequestDidNotAskForCannotBeAssigned() {
        fixture.given(acceptedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, REGULATORY, OUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("did not ask for REGULATORY"))
                .expectNoEvents();
    }

    @Test
    void anUnknownHospitalIsInvalidInput() {
        fixture.given(acceptedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, UNKNOWN_HOSPITAL, null), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("hospital"))
                .expectExceptionMessage(containsString(UNKNOWN_HOSPITAL))
                .expectNoEvents();
    }

    @Test
    void aMissingHospitalIsInvalidInput() {
        fixture.given(acceptedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, null, null), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("hospital"))
                .expectNoEvents();
    }

    @Test
    void aServiceCannotBeAssignedToAHospitalThatDoesNotOfferIt() {
        fixture.given(acceptedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, BIOSTATISTICS, OUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("OUS does not offer BIOSTATISTICS"))
                .expectNoEvents();
    }

    @Test
    void aServiceCannotBeAssignedToAHospitalThatDoesNotAcceptRequests() {
        fixture.given(acceptedRequest())
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, STO, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("STO does not accept requests"))
                .expectNoEvents();
    }

    @Test
    void aServiceWithAPendingAssignmentCannotBeAssignedAgain() {
        fixture.given(pendingAtOus())
                .when(new AssignService(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("MONITORING already has an open assignment"))
                .expectNoEvents();
    }

    @Test
    void aServiceWithAnActiveAssignmentCannotBeAssignedAgain() {
        fixture.given(activeAtOus())
                .when(new AssignService(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already has an open assignment"))
                .expectNoEvents();
    }

    @Test
    void declinedAssignmentFreesTheServiceForANewAssignment() {
        fixture.given(concat(pendingAtOus(), declined(ASSIGNMENT, MONITORING, OUS)))
                .when(new AssignService(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS, null), asCoordinator())
                .expectEventsMatching(withoutClocks(new ServiceAssigned(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS, null)));
    }

    @Test
    void cancelledAssignmentFreesTheServiceForANewAssignment() {
        fixture.given(concat(activeAtOus(), cancelled(ASSIGNMENT, MONITORING, OUS)))
                .when(new AssignService(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, SUS, null), asCoordinator())
                .expectEventsMatching(withoutClocks(new ServiceAssigned(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, SUS, null)));
    }

    @Test
    void completedAssignmentLeavesTheServiceFreeForAFollowUpAssignment() {
        fixture.given(concat(activeAtOus(), assignmentCompleted(ASSIGNMENT, MONITORING, OUS)))
                .when(new AssignService(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, OUS, "Second phase"),
                        asCoordinator())
                .expectEventsMatching(withoutClocks(new ServiceAssigned(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, OUS, "Second phase")));
    }

    @Test
    void anAssignmentNeedsAnId() {
        fixture.given(acceptedRequest())
                .when(new AssignService(REQUEST_ID, null, MONITORING, OUS, null), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("assignmentId"))
                .expectNoEvents();
    }

    @Test
    void anAssignmentIdCannotBeReused() {
        fixture.given(concat(pendingAtOus(), declined(ASSIGNMENT, MONITORING, OUS)))
                .when(new AssignService(REQUEST_ID, ASSIGNMENT, MONITORING, HUS, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already exists"))
                .expectNoEvents();
    }

    @Test
    void answeringAClarificationDoesNotUndoTheProgressOfAssignments() {
        fixture.given(concat(pendingAtOus(), clarificationRequested(CLARIFICATION, RequestStatus.IN_PROGRESS),
                        clarificationAnswered(CLARIFICATION, RequestStatus.IN_PROGRESS)))
                .when(new AskClarification(REQUEST_ID, SECOND_CLARIFICATION, "Budget?"), asCoordinator())
                .expectEvents(new ClarificationRequested(REQUEST_ID, SECOND_CLARIFICATION, "Budget?",
                        COORDINATOR, Role.COORDINATOR, null, RequestStatus.IN_PROGRESS));
    }
}
