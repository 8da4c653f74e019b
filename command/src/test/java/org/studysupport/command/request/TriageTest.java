package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.request.AcceptRequest;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RejectRequest;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.studysupport.command.request.RequestFixtures.CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.acceptedRequest;
import static org.studysupport.command.request.RequestFixtures.as;
import static org.studysupport.command.request.RequestFixtures.asCoordinator;
import static org.studysupport.command.request.RequestFixtures.clarificationAnswered;
import static org.studysupport.command.request.RequestFixtures.clarificationRequested;
import static org.studysupport.command.request.RequestFixtures.completedRequest;
import static org.studysupport.command.request.RequestFixtures.concat;
import static org.studysupport.command.request.RequestFixtures.invalidField;
import static org.studysupport.command.request.RequestFixtures.pendingAtOus;
import static org.studysupport.command.request.RequestFixtures.rejectedRequest;
import static org.studysupport.command.request.RequestFixtures.submittedRequest;
import static org.studysupport.command.request.RequestFixtures.withdrawnRequest;

/** A coordinator accepts (with a priority) or rejects (with a reason) a SUBMITTED request. */
class TriageTest {

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixtures.newFixture();
    }

    // --- accept ---

    @Test
    void coordinatorAcceptsASubmittedRequestWithAPriorityAndGetsTheNewVersion() {
        fixture.given(submittedRequest())
                .when(new AcceptRequest(REQUEST_ID, Priority.URGENT, "Start-up in August"), asCoordinator())
                .expectEvents(new RequestAccepted(REQUEST_ID, Priority.URGENT, "Start-up in August"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void acceptingNeedsNoNote() {
        fixture.given(submittedRequest())
                .when(new AcceptRequest(REQUEST_ID, Priority.LOW, null), asCoordinator())
                .expectEvents(new RequestAccepted(REQUEST_ID, Priority.LOW, null));
    }

    @Test
    void aRequestWhoseQuestionWasAnsweredCanBeAccepted() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        clarificationAnswered(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AcceptRequest(REQUEST_ID, Priority.NORMAL, null), asCoordinator())
                .expectEvents(new RequestAccepted(REQUEST_ID, Priority.NORMAL, null))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyCoordinatorsMayAcceptRequests(Role role) {
        fixture.given(submittedRequest())
                .when(new AcceptRequest(REQUEST_ID, Priority.HIGH, null), as(role))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("accept requests"))
                .expectNoEvents();
    }

    @Test
    void acceptingNeedsAPriority() {
        fixture.given(submittedRequest())
                .when(new AcceptRequest(REQUEST_ID, null, "note"), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("priority"))
                .expectNoEvents();
    }

    @Test
    void aRequestAwaitingAnAnswerCannotBeAccepted() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AcceptRequest(REQUEST_ID, Priority.HIGH, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("AWAITING_INFO request cannot be accepted"))
                .expectNoEvents();
    }

    @Test
    void anAcceptedRequestCannotBeAcceptedAgain() {
        fixture.given(acceptedRequest())
                .when(new AcceptRequest(REQUEST_ID, Priority.HIGH, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("ACCEPTED request cannot be accepted"))
                .expectNoEvents();
    }

    @Test
    void aRequestInProgressCannotBeAccepted() {
        fixture.given(pendingAtOus())
                .when(new AcceptRequest(REQUEST_ID, Priority.HIGH, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("IN_PROGRESS request cannot be accepted"))
                .expectNoEvents();
    }

    @Test
    void aRejectedRequestCannotBeAccepted() {
        fixture.given(rejectedRequest())
                .when(new AcceptRequest(REQUEST_ID, Priority.HIGH, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("REJECTED"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnRequestCannotBeAccepted() {
        fixture.given(withdrawnRequest())
                .when(new AcceptRequest(REQUEST_ID, Priority.HIGH, null), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("WITHDRAWN"))
                .expectNoEvents();
    }

    // --- reject ---

    @Test
    void coordinatorRejectsASubmittedRequestWithAReason() {
        fixture.given(submittedRequest())
                .when(new RejectRequest(REQUEST_ID, "Outside the network's scope"), asCoordinator())
                .expectEvents(new RequestRejected(REQUEST_ID, "Outside the network's scope"))
                .expectResultMessagePayload(1L);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyCoordinatorsMayRejectRequests(Role role) {
        fixture.given(submittedRequest())
                .when(new RejectRequest(REQUEST_ID, "No"), as(role))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("reject requests"))
                .expectNoEvents();
    }

    @Test
    void rejectingNeedsAReason() {
        fixture.given(submittedRequest())
                .when(new RejectRequest(REQUEST_ID, "  "), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("reason"))
                .expectNoEvents();
    }

    @Test
    void anAcceptedRequestCannotBeRejected() {
        fixture.given(acceptedRequest())
                .when(new RejectRequest(REQUEST_ID, "Changed our mind"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("ACCEPTED request cannot be rejected"))
                .expectNoEvents();
    }

    @Test
    void aRequestAwaitingAnAnswerCannotBeRejected() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new RejectRequest(REQUEST_ID, "No answer"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("AWAITING_INFO request cannot be rejected"))
                .expectNoEvents();
    }

    @Test
    void aRejectedRequestCannotBeRejectedAgain() {
        fixture.given(rejectedRequest())
                .when(new RejectRequest(REQUEST_ID, "Again"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("REJECTED request cannot be rejected"))
                .expectNoEvents();
    }

    @Test
    void aCompletedRequestCannotBeRejected() {
        fixture.given(completedRequest())
                .when(new RejectRequest(REQUEST_ID, "Too late"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("COMPLETED"))
                .expectNoEvents();
    }
}
