package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.request.CompleteRequest;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Role;

import static org.hamcrest.Matchers.allOf;
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
import static org.studysupport.command.request.RequestFixtures.THIRD_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.acceptedRequest;
import static org.studysupport.command.request.RequestFixtures.acknowledged;
import static org.studysupport.command.request.RequestFixtures.activeAtOus;
import static org.studysupport.command.request.RequestFixtures.as;
import static org.studysupport.command.request.RequestFixtures.asCoordinator;
import static org.studysupport.command.request.RequestFixtures.assigned;
import static org.studysupport.command.request.RequestFixtures.assignmentCompleted;
import static org.studysupport.command.request.RequestFixtures.cancelled;
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
 * A coordinator completes an ACCEPTED or IN_PROGRESS request, with an outcome, once none of its
 * assignments is PENDING or ACTIVE.
 */
class CompletionTest {

    private static final String OUTCOME = "All services delivered";

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixtures.newFixture();
    }

    @Test
    void coordinatorCompletesARequestWhoseAssignmentsAreAllDelivered() {
        fixture.given(concat(activeAtOus(), assignmentCompleted(ASSIGNMENT, MONITORING, OUS)))
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectEvents(new RequestCompleted(REQUEST_ID, OUTCOME))
                .expectResultMessagePayload(5L);
    }

    @Test
    void declinedCancelledAndReassignedAssignmentsDoNotHoldUpCompletion() {
        fixture.given(concat(pendingAtOus(),
                        reassigned(ASSIGNMENT, MONITORING, OUS, SECOND_ASSIGNMENT, HUS),
                        assigned(SECOND_ASSIGNMENT, MONITORING, HUS),
                        acknowledged(SECOND_ASSIGNMENT, MONITORING, HUS),
                        assignmentCompleted(SECOND_ASSIGNMENT, MONITORING, HUS),
                        assigned(THIRD_ASSIGNMENT, DATA_MANAGEMENT, OUS),
                        declined(THIRD_ASSIGNMENT, DATA_MANAGEMENT, OUS),
                        assigned(FOURTH_ASSIGNMENT, BIOSTATISTICS, HUS),
                        cancelled(FOURTH_ASSIGNMENT, BIOSTATISTICS, HUS)))
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectEvents(new RequestCompleted(REQUEST_ID, OUTCOME));
    }

    @Test
    void anAcceptedRequestWithoutAssignmentsCanBeCompleted() {
        fixture.given(acceptedRequest())
                .when(new CompleteRequest(REQUEST_ID, "Advice given at the intake meeting"), asCoordinator())
                .expectEvents(new RequestCompleted(REQUEST_ID, "Advice given at the intake meeting"));
    }

    @Test
    void aRequestWithAPendingAssignmentCannotBeCompleted() {
        fixture.given(pendingAtOus())
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("still open for [MONITORING]"))
                .expectNoEvents();
    }

    @Test
    void aRequestWithAnActiveAssignmentCannotBeCompleted() {
        fixture.given(activeAtOus())
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("still open for [MONITORING]"))
                .expectNoEvents();
    }

    @Test
    void theRefusalNamesEveryServiceThatIsStillOpen() {
        fixture.given(concat(activeAtOus(), assigned(SECOND_ASSIGNMENT, BIOSTATISTICS, HUS)))
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(allOf(containsString("MONITORING"), containsString("BIOSTATISTICS")))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyCoordinatorsMayCompleteRequests(Role role) {
        fixture.given(acceptedRequest())
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), as(role))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("complete requests"))
                .expectNoEvents();
    }

    @Test
    void completingNeedsAnOutcome() {
        fixture.given(acceptedRequest())
                .when(new CompleteRequest(REQUEST_ID, ""), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("outcome"))
                .expectNoEvents();
    }

    @Test
    void aSubmittedRequestCannotBeCompleted() {
        fixture.given(submittedRequest())
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("SUBMITTED request cannot be completed"))
                .expectNoEvents();
    }

    @Test
    void aRequestAwaitingAnAnswerCannotBeCompleted() {
        fixture.given(concat(acceptedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.ACCEPTED)))
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("AWAITING_INFO request cannot be completed"))
                .expectNoEvents();
    }

    @Test
    void aRejectedRequestCannotBeCompleted() {
        fixture.given(rejectedRequest())
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("REJECTED request cannot be completed"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnRequestCannotBeCompleted() {
        fixture.given(withdrawnRequest())
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("WITHDRAWN request cannot be completed"))
                .expectNoEvents();
    }

    @Test
    void aCompletedRequestCannotBeCompletedAgain() {
        fixture.given(completedRequest())
                .when(new CompleteRequest(REQUEST_ID, OUTCOME), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("COMPLETED request cannot be completed"))
                .expectNoEvents();
    }
}
