package org.studysupport.api.problem;

/** A field of the input is invalid (HTTP 400 with a field error). */
public class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
