package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.request.AddComment;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.command.request.RequestFixtures.ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.COMMENT;
import static org.studysupport.command.request.RequestFixtures.COORDINATOR;
import static org.studysupport.command.request.RequestFixtures.HUS;
import static org.studysupport.command.request.RequestFixtures.INVESTIGATOR;
import static org.studysupport.command.request.RequestFixtures.OUS;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SECOND_COMMENT;
import static org.studysupport.command.request.RequestFixtures.asAdmin;
import static org.studysupport.command.request.RequestFixtures.asAuditor;
import static org.studysupport.command.request.RequestFixtures.asCoordinator;
import static org.studysupport.command.request.RequestFixtures.asHospital;
import static org.studysupport.command.request.RequestFixtures.asHospitalStaffWithoutHospital;
import static org.studysupport.command.request.RequestFixtures.asInvestigator;
import static org.studysupport.command.request.RequestFixtures.asOtherInvestigator;
import static org.studysupport.command.request.RequestFixtures.commentAdded;
import static org.studysupport.command.request.RequestFixtures.completedRequest;
import static org.studysupport.command.request.RequestFixtures.concat;
import static org.studysupport.command.request.RequestFixtures.declined;
import static org.studysupport.command.request.RequestFixtures.invalidField;
import static org.studysupport.command.request.RequestFixtures.pendingAtOus;
import static org.studysupport.command.request.RequestFixtures.rejectedRequest;
import static org.studysupport.command.request.RequestFixtures.staffOf;
import static org.studysupport.command.request.RequestFixtures.submittedRequest;
import static org.studysupport.command.request.RequestFixtures.withdrawnRequest;

/**
 * Comments are the one thing every state accepts. Investigators comment PUBLIC on their own requests;
 * coordinators and admins on any; hospital staff on requests with an assignment to their hospital;
 * auditors never.
 */
class CommentTest {

    private static final String TEXT = "Please note the new protocol version.";

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = RequestFixtures.newFixture();
    }

    private static AddComment comment(CommentVisibility visibility) {
        return new AddComment(REQUEST_ID, COMMENT, TEXT, visibility);
    }

    @Test
    void investigatorAddsAPublicCommentToTheirRequest() {
        fixture.given(submittedRequest())
                .when(comment(CommentVisibility.PUBLIC), asInvestigator())
                .expectEvents(new CommentAdded(REQUEST_ID, COMMENT, TEXT, CommentVisibility.PUBLIC, INVESTIGATOR))
                .expectResultMessagePayload(1L);
    }

    @Test
    void investigatorCannotWriteAnInternalComment() {
        fixture.given(submittedRequest())
                .when(comment(CommentVisibility.INTERNAL), asInvestigator())
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("PUBLIC comments only"))
                .expectNoEvents();
    }

    @Test
    void investigatorCannotCommentOnAnotherInvestigatorsRequest() {
        fixture.given(submittedRequest())
                .when(comment(CommentVisibility.PUBLIC), asOtherInvestigator())
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("investigator who submitted the request may comment"))
                .expectNoEvents();
    }

    @Test
    void coordinatorAddsAnInternalComment() {
        fixture.given(submittedRequest())
                .when(comment(CommentVisibility.INTERNAL), asCoordinator())
                .expectEvents(new CommentAdded(REQUEST_ID, COMMENT, TEXT, CommentVisibility.INTERNAL, COORDINATOR));
    }

    @Test
    void coordinatorAddsAPublicComment() {
        fixture.given(submittedRequest())
                .when(comment(CommentVisibility.PUBLIC), asCoordinator())
                .expectEvents(new CommentAdded(REQUEST_ID, COMMENT, TEXT, CommentVisibility.PUBLIC, COORDINATOR));
    }

    @Test
    void hospitalWithAnAssignmentComments() {
        fixture.given(pendingAtOus())
                .when(comment(CommentVisibility.INTERNAL), asHospital(OUS))
                .expectEvents(new CommentAdded(REQUEST_ID, COMMENT, TEXT, CommentVisibility.INTERNAL, staffOf(OUS)));
    }

    @Test
    void hospitalWhoseAssignmentIsClosedMayStillComment() {
        fixture.given(concat(pendingAtOus(), declined(ASSIGNMENT, MONITORING, OUS)))
                .when(comment(CommentVisibility.PUBLIC), asHospital(OUS))
                .expectEvents(new CommentAdded(REQUEST_ID, COMMENT, TEXT, CommentVisibility.PUBLIC, staffOf(OUS)));
    }

    @Test
    void hospitalWithoutAnAssignmentCannotComment() {
        fixture.given(pendingAtOus())
                .when(comment(CommentVisibility.PUBLIC), asHospital(HUS))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("hospitals with an assignment"))
                .expectNoEvents();
    }

    @Test
    void hospitalStaffWithoutAHospitalCannotComment() {
        fixture.given(pendingAtOus())
                .when(comment(CommentVisibility.PUBLIC), asHospitalStaffWithoutHospital())
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void auditorsCannotComment() {
        fixture.given(submittedRequest())
                .when(comment(CommentVisibility.INTERNAL), asAuditor())
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("Auditors read"))
                .expectNoEvents();
    }

    @Test
    void adminsMayComment() {
        fixture.given(submittedRequest())
                .when(comment(CommentVisibility.INTERNAL), asAdmin())
                .expectEvents(new CommentAdded(REQUEST_ID, COMMENT, TEXT, CommentVisibility.INTERNAL, "adam.admin"));
    }

    @Test
    void aCommentNeedsText() {
        fixture.given(submittedRequest())
                .when(new AddComment(REQUEST_ID, COMMENT, "", CommentVisibility.PUBLIC), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("text"))
                .expectNoEvents();
    }

    @Test
    void aCommentNeedsAVisibility() {
        fixture.given(submittedRequest())
                .when(new AddComment(REQUEST_ID, COMMENT, TEXT, null), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("visibility"))
                .expectNoEvents();
    }

    @Test
    void aCommentNeedsAnId() {
        fixture.given(submittedRequest())
                .when(new AddComment(REQUEST_ID, null, TEXT, CommentVisibility.PUBLIC), asCoordinator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("commentId"))
                .expectNoEvents();
    }

    @Test
    void aCommentIdCannotBeReused() {
        fixture.given(concat(submittedRequest(), commentAdded(COMMENT)))
                .when(comment(CommentVisibility.PUBLIC), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already exists"))
                .expectNoEvents();
    }

    @Test
    void severalCommentsCanBeAdded() {
        fixture.given(concat(submittedRequest(), commentAdded(COMMENT)))
                .when(new AddComment(REQUEST_ID, SECOND_COMMENT, TEXT, CommentVisibility.PUBLIC), asInvestigator())
                .expectEvents(new CommentAdded(REQUEST_ID, SECOND_COMMENT, TEXT, CommentVisibility.PUBLIC,
                        INVESTIGATOR));
    }

    @Test
    void aCompletedRequestStillTakesComments() {
        commentingIsAllowedOn(completedRequest());
    }

    @Test
    void aRejectedRequestStillTakesComments() {
        commentingIsAllowedOn(rejectedRequest());
    }

    @Test
    void aWithdrawnRequestStillTakesComments() {
        commentingIsAllowedOn(withdrawnRequest());
    }

    private void commentingIsAllowedOn(List<Object> history) {
        fixture.given(history)
                .when(comment(CommentVisibility.PUBLIC), asInvestigator())
                .expectEvents(new CommentAdded(REQUEST_ID, COMMENT, TEXT, CommentVisibility.PUBLIC, INVESTIGATOR))
                .expectResultMessagePayload((long) history.size());
    }
}
