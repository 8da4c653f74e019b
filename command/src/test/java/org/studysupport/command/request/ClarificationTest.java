package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.request.AnswerClarification;
import org.studysupport.api.request.AskClarification;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.command.request.RequestFixtures.ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.COORDINATOR;
import static org.studysupport.command.request.RequestFixtures.HUS;
import static org.studysupport.command.request.RequestFixtures.OUS;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SECOND_CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.acceptedRequest;
import static org.studysupport.command.request.RequestFixtures.activeAtOus;
import static org.studysupport.command.request.RequestFixtures.as;
import static org.studysupport.command.request.RequestFixtures.asCoordinator;
import static org.studysupport.command.request.RequestFixtures.asHospital;
import static org.studysupport.command.request.RequestFixtures.asInvestigator;
import static org.studysupport.command.request.RequestFixtures.asOtherInvestigator;
import static org.studysupport.command.request.RequestFixtures.assigned;
import static org.studysupport.command.request.RequestFixtures.assignmentCompleted;
import static org.studysupport.command.request.RequestFixtures.clarificationAnswered;
import static org.studysupport.command.request.RequestFixtures.clarificationRequested;
import static org.studysupport.command.request.RequestFixtures.completedRequest;
import static org.studysupport.command.request.RequestFixtures.concat;
import static org.studysupport.command.request.RequestFixtures.declined;
import static org.studysupport.command.request.RequestFixtures.invalidField;
import static org.studysupport.command.request.RequestFixtures.pendingAtOus;
import static org.studysupport.command.request.RequestFixtures.rejectedRequest;
import static org.studysupport.command.request.RequestFixtures.staffOf;
import static org.studysupport.command.request.RequestFixtures.submittedRequest;
import static org.studysupport.command.request.RequestFixtures.withdrawn;
import static org.studysupport.command.request.RequestFixtures.withdrawnRequest;

/**
 * Coordinators, and hospitals with an open assignment, ask the investigator a question; the request
 * waits (AWAITING_INFO) until its investigator answers, then returns to the status it was in.
 */
class ClarificationTest {

    private static final String QUESTION = "How many sites?";
    private static final String ANSWER = "Six sites.";

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixtures.newFixture();
    }

    // --- asking ---

    @Test
    void coordinatorAsksAboutASubmittedRequestWhichThenResumesAsSubmitted() {
        fixture.given(submittedRequest())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asCoordinator())
                .expectEvents(new ClarificationRequested(REQUEST_ID, CLARIFICATION, QUESTION,
                        COORDINATOR, Role.COORDINATOR, null, RequestStatus.SUBMITTED))
                .expectResultMessagePayload(1L);
    }

    @Test
    void coordinatorAsksAboutAnAcceptedRequestWhichThenResumesAsAccepted() {
        fixture.given(acceptedRequest())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asCoordinator())
                .expectEvents(new ClarificationRequested(REQUEST_ID, CLARIFICATION, QUESTION,
                        COORDINATOR, Role.COORDINATOR, null, RequestStatus.ACCEPTED));
    }

    @Test
    void coordinatorAsksAboutARequestInProgressWhichThenResumesInProgress() {
        fixture.given(pendingAtOus())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asCoordinator())
                .expectEvents(new ClarificationRequested(REQUEST_ID, CLARIFICATION, QUESTION,
                        COORDINATOR, Role.COORDINATOR, null, RequestStatus.IN_PROGRESS));
    }

    @Test
    void hospitalWithAPendingAssignmentAsksForClarification() {
        fixture.given(pendingAtOus())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asHospital(OUS))
                .expectEvents(new ClarificationRequested(REQUEST_ID, CLARIFICATION, QUESTION,
                        staffOf(OUS), Role.HOSPITAL, OUS, RequestStatus.IN_PROGRESS));
    }

    @Test
    void hospitalWithAnActiveAssignmentAsksForClarification() {
        fixture.given(activeAtOus())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asHospital(OUS))
                .expectEvents(new ClarificationRequested(REQUEST_ID, CLARIFICATION, QUESTION,
                        staffOf(OUS), Role.HOSPITAL, OUS, RequestStatus.IN_PROGRESS));
    }

    @Test
    void hospitalWithoutAnAssignmentCannotAskForClarification() {
        fixture.given(pendingAtOus())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asHospital(HUS))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("open assignment"))
                .expectNoEvents();
    }

    @Test
    void hospitalWhoseAssignmentIsClosedCannotAskForClarification() {
        fixture.given(concat(pendingAtOus(), declined(ASSIGNMENT, MONITORING, OUS)))
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asHospital(OUS))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void hospitalWhoseAssignmentWasCompletedCannotAskForClarification() {
        fixture.given(concat(activeAtOus(), assignmentCompleted(ASSIGNMENT, MONITORING, OUS)))
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asHospital(OUS))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "AUDITOR", "ADMIN"})
    void onlyCoordinatorsAndAssignedHospitalsMayAskForClarification(Role role) {
        fixture.given(pendingAtOus())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), as(role))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void aSecondQuestionCannotBeAskedWhileOneIsOpen() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AskClarification(REQUEST_ID, SECOND_CLARIFICATION, "And the sponsor?"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already waits"))
                .expectNoEvents();
    }

    @Test
    void aNewQuestionCanBeAskedOnceTheLastWasAnswered() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        clarificationAnswered(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AskClarification(REQUEST_ID, SECOND_CLARIFICATION, "And the sponsor?"), asCoordinator())
                .expectEvents(new ClarificationRequested(REQUEST_ID, SECOND_CLARIFICATION, "And the sponsor?",
                        COORDINATOR, Role.COORDINATOR, null, RequestStatus.SUBMITTED));
    }

    @Test
    void aClarificationIdCannotBeReused() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        clarificationAnswered(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, "Again?"), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already exists"))
                .expectNoEvents();
    }

    @Test
    void aClarificationNeedsAnId() {
        fixture.given(submittedRequest())
                .when(new AskClarification(REQUEST_ID, null, QUESTION), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("clarificationId"))
                .expectNoEvents();
    }

    @Test
    void aClarificationNeedsAQuestion() {
        fixture.given(submittedRequest())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, " "), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("question"))
                .expectNoEvents();
    }

    @Test
    void noQuestionCanBeAskedAboutARejectedRequest() {
        fixture.given(rejectedRequest())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("REJECTED"))
                .expectNoEvents();
    }

    @Test
    void noQuestionCanBeAskedAboutAWithdrawnRequest() {
        fixture.given(withdrawnRequest())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("WITHDRAWN"))
                .expectNoEvents();
    }

    @Test
    void noQuestionCanBeAskedAboutACompletedRequest() {
        fixture.given(completedRequest())
                .when(new AskClarification(REQUEST_ID, CLARIFICATION, QUESTION), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("COMPLETED"))
                .expectNoEvents();
    }

    // --- answering ---

    @Test
    void investigatorAnswersAndTheSubmittedRequestResumes() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, ANSWER), asInvestigator())
                .expectEvents(new ClarificationAnswered(REQUEST_ID, CLARIFICATION, ANSWER, RequestStatus.SUBMITTED))
                .expectResultMessagePayload(2L);
    }

    @Test
    void answeringReturnsAnAcceptedRequestToAccepted() {
        fixture.given(concat(acceptedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.ACCEPTED)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, ANSWER), asInvestigator())
                .expectEvents(new ClarificationAnswered(REQUEST_ID, CLARIFICATION, ANSWER, RequestStatus.ACCEPTED));
    }

    @Test
    void answeringReturnsARequestInProgressToInProgress() {
        fixture.given(concat(pendingAtOus(), clarificationRequested(CLARIFICATION, RequestStatus.IN_PROGRESS)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, ANSWER), asInvestigator())
                .expectEvents(new ClarificationAnswered(REQUEST_ID, CLARIFICATION, ANSWER,
                        RequestStatus.IN_PROGRESS));
    }

    @Test
    void aFirstAssignmentWhileAwaitingAnAnswerMakesTheRequestResumeInProgress() {
        fixture.given(concat(acceptedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.ACCEPTED),
                        assigned(ASSIGNMENT, MONITORING, OUS)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, ANSWER), asInvestigator())
                .expectEvents(new ClarificationAnswered(REQUEST_ID, CLARIFICATION, ANSWER,
                        RequestStatus.IN_PROGRESS));
    }

    @Test
    void anotherInvestigatorCannotAnswer() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, ANSWER), asOtherInvestigator())
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("investigator who submitted"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"COORDINATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyTheRequestsInvestigatorMayAnswer(Role role) {
        fixture.given(concat(pendingAtOus(), clarificationRequested(CLARIFICATION, RequestStatus.IN_PROGRESS)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, ANSWER), as(role))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownClarificationCannotBeAnswered() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AnswerClarification(REQUEST_ID, SECOND_CLARIFICATION, ANSWER), asInvestigator())
                .expectException(UnknownEntityException.class)
                .expectExceptionMessage(containsString(SECOND_CLARIFICATION.toString()))
                .expectNoEvents();
    }

    @Test
    void anAnsweredClarificationCannotBeAnsweredAgain() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        clarificationAnswered(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, "Seven sites."), asInvestigator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("not waiting for an answer"))
                .expectNoEvents();
    }

    @Test
    void anEarlierClarificationCannotBeAnsweredWhileALaterOneIsOpen() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        clarificationAnswered(CLARIFICATION, RequestStatus.SUBMITTED),
                        clarificationRequested(SECOND_CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, "Seven sites."), asInvestigator())
                .expectException(ActionNotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aQuestionOpenWhenTheRequestWasWithdrawnCannotBeAnswered() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED),
                        withdrawn(RequestStatus.AWAITING_INFO)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, ANSWER), asInvestigator())
                .expectException(ActionNotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anAnswerNeedsText() {
        fixture.given(concat(submittedRequest(), clarificationRequested(CLARIFICATION, RequestStatus.SUBMITTED)))
                .when(new AnswerClarification(REQUEST_ID, CLARIFICATION, ""), asInvestigator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("answer"))
                .expectNoEvents();
    }
}
