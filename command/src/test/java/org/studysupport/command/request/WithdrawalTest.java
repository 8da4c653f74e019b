package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestWithdrawn;
import org.studysupport.api.request.WithdrawRequest;
import org.studysupport.api.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.studysupport.api.reference.ServiceCode.BIOSTATISTICS;
import static org.studysupport.api.reference.ServiceCode.DATA_MANAGEMENT;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.command.request.RequestFixtures.ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.FOURTH_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.HUS;
import static org.studysupport.command.request.RequestFixtures.OUS;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SECOND_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.SUS;
import static org.studysupport.command.request.RequestFixtures.THIRD_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.acceptedRequest;
import static org.studysupport.command.request.RequestFixtures.acknowledged;
import static org.studysupport.command.request.RequestFixtures.as;
import static org.studysupport.command.request.RequestFixtures.asInvestigator;
import static org.studysupport.command.request.RequestFixtures.asOtherInvestigator;
import static org.studysupport.command.request.RequestFixtures.assigned;
import static org.studysupport.command.request.RequestFixtures.assignmentCompleted;
import static org.studysupport.command.request.RequestFixtures.clarificationRequested;
import static org.studysupport.command.request.RequestFixtures.completedRequest;
import static org.studysupport.command.request.RequestFixtures.concat;
import static org.studysupport.command.request.RequestFixtures.declined;
import static org.studysupport.command.request.RequestFixtures.invalidField;
import static org.studysupport.command.request.RequestFixtures.pendingAtOus;
import static org.studysupport.command.request.RequestFixtures.reassigned;
import static org.studysupport.command.request.RequestFixtures.rejectedRequest;
import static org.studysupport.command.request.RequestFixtures.submittedRequest;
import static org.studysupport.command.request.RequestFixtures.withdrawnRequest;

/**
 * The investigator who submitted a request withdraws it, with a reason, from any non-final state;
 * its open assignments are cancelled so that the hospitals are told.
 */
class WithdrawalTest {

    private static final String REASON = "The trial was not funded";
    private static final String CANCELLATION_REASON = "Request withdrawn by its investigator: " + REASON;

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixtures.newFixture();
    }

    @Test
    void investigatorWithdrawsASubmittedRequest() {
        fixture.given(submittedRequest())
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectEvents(new RequestWithdrawn(REQUEST_ID, REASON, RequestStatus.SUBMITTED))
                .expectResultMessagePayload(1L);
    }

    @Test
    void investigatorWithdrawsARequestAwaitingTheirAnswer() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectEvents(new RequestWithdrawn(REQUEST_ID, REASON, RequestStatus.AWAITING_INFO));
    }

    @Test
    void investigatorWithdrawsAnAcceptedRequest() {
        fixture.given(acceptedRequest())
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectEvents(new RequestWithdrawn(REQUEST_ID, REASON, RequestStatus.ACCEPTED));
    }

    @Test
    void withdrawingARequestInProgressCancelsItsPendingAssignmentFirst() {
        fixture.given(pendingAtOus())
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectEvents(
                        new AssignmentCancelled(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, CANCELLATION_REASON),
                        new RequestWithdrawn(REQUEST_ID, REASON, RequestStatus.IN_PROGRESS))
                .expectResultMessagePayload(4L);
    }

    @Test
    void withdrawingCancelsEveryOpenAssignmentAndLeavesClosedOnesAlone() {
        fixture.given(concat(pendingAtOus(),
                        acknowledged(ASSIGNMENT, MONITORING, OUS),
                        assigned(SECOND_ASSIGNMENT, DATA_MANAGEMENT, OUS),
                        declined(SECOND_ASSIGNMENT, DATA_MANAGEMENT, OUS),
                        assigned(THIRD_ASSIGNMENT, DATA_MANAGEMENT, SUS),
                        assigned(FOURTH_ASSIGNMENT, BIOSTATISTICS, HUS),
                        acknowledged(FOURTH_ASSIGNMENT, BIOSTATISTICS, HUS),
                        assignmentCompleted(FOURTH_ASSIGNMENT, BIOSTATISTICS, HUS)))
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectEvents(
                        new AssignmentCancelled(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, CANCELLATION_REASON),
                        new AssignmentCancelled(REQUEST_ID, THIRD_ASSIGNMENT, DATA_MANAGEMENT, SUS,
                                CANCELLATION_REASON),
                        new RequestWithdrawn(REQUEST_ID, REASON, RequestStatus.IN_PROGRESS));
    }

    @Test
    void withdrawingCancelsTheNewAssignmentOfAReassignmentButNotTheOldOne() {
        fixture.given(concat(pendingAtOus(), reassigned(ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS),
                        assigned(SECOND_ASSIGNMENT, MONITORING, HUS)))
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectEvents(
                        new AssignmentCancelled(REQUEST_ID, SECOND_ASSIGNMENT, MONITORING, HUS, CANCELLATION_REASON),
                        new RequestWithdrawn(REQUEST_ID, REASON, RequestStatus.IN_PROGRESS));
    }

    @Test
    void withdrawingARequestInProgressAwaitingAnAnswerCancelsItsOpenAssignments() {
        fixture.given(concat(pendingAtOus(), clarificationRequested(CLARIFICATION, RequestStatus.IN_PROGRESS)))
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectEvents(
                        new AssignmentCancelled(REQUEST_ID, ASSIGNMENT, MONITORING, OUS, CANCELLATION_REASON),
                        new RequestWithdrawn(REQUEST_ID, REASON, RequestStatus.AWAITING_INFO));
    }

    @Test
    void anotherInvestigatorCannotWithdrawTheRequest() {
        fixture.given(submittedRequest())
                .when(new WithdrawRequest(REQUEST_ID, REASON), asOtherInvestigator())
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("investigator who submitted the request may withdraw"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"COORDINATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyTheRequestsInvestigatorMayWithdrawIt(Role role) {
        fixture.given(pendingAtOus())
                .when(new WithdrawRequest(REQUEST_ID, REASON), as(role))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawingNeedsAReason() {
        fixture.given(submittedRequest())
                .when(new WithdrawRequest(REQUEST_ID, "   "), asInvestigator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("reason"))
                .expectNoEvents();
    }

    @Test
    void aCompletedRequestCannotBeWithdrawn() {
        fixture.given(completedRequest())
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("COMPLETED and cannot be withdrawn"))
                .expectNoEvents();
    }

    @Test
    void aRejectedRequestCannotBeWithdrawn() {
        fixture.given(rejectedRequest())
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("REJECTED and cannot be withdrawn"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnRequestCannotBeWithdrawnAgain() {
        fixture.given(withdrawnRequest())
                .when(new WithdrawRequest(REQUEST_ID, REASON), asInvestigator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("WITHDRAWN and cannot be withdrawn"))
                .expectNoEvents();
    }
}
