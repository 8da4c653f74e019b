package org.studysupport.api.problem;

/** The caller may see the thing but may not do this to it (HTTP 403). */
public class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super(message);
    }
}
