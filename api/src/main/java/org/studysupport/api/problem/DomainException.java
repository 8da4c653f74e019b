package org.studysupport.api.problem;

/**
 * A rule of the domain was broken. Each subclass says which kind, and the HTTP layer maps the
 * kind, in one place, to a problem-details answer. The message is written for the person who asked.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
