package org.studysupport.api.problem;

/** The action is not allowed in the current state (HTTP 409). */
public class ActionNotAllowedException extends DomainException {

    public ActionNotAllowedException(String message) {
        super(message);
    }
}
