package org.studysupport.api.problem;

/** No such thing, or none the caller may see (HTTP 404). */
public class UnknownEntityException extends DomainException {

    public UnknownEntityException(String message) {
        super(message);
    }
}
