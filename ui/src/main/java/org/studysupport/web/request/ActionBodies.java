package org.studysupport.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.studysupport.api.assignment.AcknowledgeAssignment;
import org.studysupport.api.assignment.AssignService;
import org.studysupport.api.assignment.CancelAssignment;
import org.studysupport.api.assignment.CompleteAssignment;
import org.studysupport.api.assignment.DeclineAssignment;
import org.studysupport.api.assignment.ReassignAssignment;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.AcceptRequest;
import org.studysupport.api.request.AddComment;
import org.studysupport.api.request.AnswerClarification;
import org.studysupport.api.request.AskClarification;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.CompleteRequest;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RejectRequest;
import org.studysupport.api.request.WithdrawRequest;

import java.util.UUID;

/**
 * The bodies of the actions on a request; limits as in the API contract. Each body makes the
 * command it stands for, so that the API and the request's page send the same command for the same
 * body (new ids for what the command creates).
 */
public final class ActionBodies {

    static final int REASON_MAX = 2000;
    static final int TEXT_MAX = 10000;

    private ActionBodies() {
    }

    public record Question(@NotBlank @Size(max = REASON_MAX) String question) {
        public AskClarification toCommand(UUID requestId) {
            return new AskClarification(requestId, UUID.randomUUID(), question);
        }
    }

    public record Answer(@NotBlank @Size(max = TEXT_MAX) String answer) {
        public AnswerClarification toCommand(UUID requestId, UUID clarificationId) {
            return new AnswerClarification(requestId, clarificationId, answer);
        }
    }

    public record Accept(@NotNull Priority priority, @Size(max = REASON_MAX) String note) {
        public AcceptRequest toCommand(UUID requestId) {
            return new AcceptRequest(requestId, priority, note);
        }
    }

    /** The reason of a rejection, a withdrawal, a decline or a cancellation. */
    public record Reason(@NotBlank @Size(max = REASON_MAX) String reason) {
        public RejectRequest toRejection(UUID requestId) {
            return new RejectRequest(requestId, reason);
        }

        public WithdrawRequest toWithdrawal(UUID requestId) {
            return new WithdrawRequest(requestId, reason);
        }

        public DeclineAssignment toDecline(UUID requestId, UUID assignmentId) {
            return new DeclineAssignment(requestId, assignmentId, reason);
        }

        public CancelAssignment toCancellation(UUID requestId, UUID assignmentId) {
            return new CancelAssignment(requestId, assignmentId, reason);
        }
    }

    public record Assign(@NotNull ServiceCode service, @NotBlank @Size(max = 20) String hospital,
                         @Size(max = REASON_MAX) String note) {
        public AssignService toCommand(UUID requestId) {
            return new AssignService(requestId, UUID.randomUUID(), service, hospital, note);
        }
    }

    public record Reassign(@NotBlank @Size(max = 20) String hospital, @NotBlank @Size(max = REASON_MAX) String reason) {
        public ReassignAssignment toCommand(UUID requestId, UUID assignmentId) {
            return new ReassignAssignment(requestId, assignmentId, UUID.randomUUID(), hospital, reason);
        }
    }

    public record Summary(@NotBlank @Size(max = TEXT_MAX) String summary) {
        public CompleteAssignment toCommand(UUID requestId, UUID assignmentId) {
            return new CompleteAssignment(requestId, assignmentId, summary);
        }
    }

    public record Outcome(@NotBlank @Size(max = TEXT_MAX) String outcome) {
        public CompleteRequest toCommand(UUID requestId) {
            return new CompleteRequest(requestId, outcome);
        }
    }

    public record Comment(@NotBlank @Size(max = TEXT_MAX) String text, @NotNull CommentVisibility visibility) {
        public AddComment toCommand(UUID requestId) {
            return new AddComment(requestId, UUID.randomUUID(), text, visibility);
        }
    }

    /** {@code {}}: the acknowledge action takes nothing. */
    public record Empty() {
        public AcknowledgeAssignment toAcknowledgement(UUID requestId, UUID assignmentId) {
            return new AcknowledgeAssignment(requestId, assignmentId);
        }
    }
}
