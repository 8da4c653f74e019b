package org.studysupport.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.studysupport.api.problem.DomainException;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.query.audit.AccessTrail;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.ProblemHandler;

import java.util.function.Supplier;

/**
 * Puts the HTTP reads of the audit trail on the access trail: an answered read with status 200, a
 * read refused by a domain rule (not found, not permitted) with the status of its problem answer, a
 * call refused for its role by the security rules with 403. The record is stored before the answer
 * is sent; if it cannot be stored, the read fails.
 */
@Component
public class AccessRecording {

    private final AccessTrail trail;

    public AccessRecording(AccessTrail trail) {
        this.trail = trail;
    }

    /** Answers the read and records it with its outcome; a refusal is recorded, then passed on. */
    public <T> T recorded(String action, String target, String detail, Supplier<T> read) {
        Actor actor = CurrentActor.get();
        T answer;
        try {
            answer = read.get();
        } catch (DomainException refused) {
            trail.record(actor, action, target, detail, ProblemHandler.toProblem(refused).getStatus());
            throw refused;
        } catch (RuntimeException failed) {
            trail.record(actor, action, target, detail, HttpStatus.INTERNAL_SERVER_ERROR.value());
            throw failed;
        }
        trail.record(actor, action, target, detail);
        return answer;
    }

    /**
     * Checks that the signed-in user's role may take the action, for an audited read that no URL rule
     * guards (the pages'); a refusal is recorded with 403, as the API's refused calls are, then thrown.
     */
    public void requireRole(Action action, String read, String target, String detail) {
        Actor actor = CurrentActor.get();
        try {
            action.requireRole(actor);
        } catch (DomainException refused) {
            trail.record(actor, read, target, detail, ProblemHandler.toProblem(refused).getStatus());
            throw refused;
        }
    }

    /** Records an audited call that the security rules refused to a signed-in user; others are not audited reads. */
    public void refusedByRole(HttpServletRequest request) {
        CurrentActor.find().ifPresent(actor -> AuditedReads.of(request).ifPresent(access ->
                trail.record(actor, access.action(), access.target(), access.detail(), HttpStatus.FORBIDDEN.value())));
    }
}
