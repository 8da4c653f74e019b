package org.studysupport.api.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.studysupport.api.request.Reasoned;

/**
 * Erase the personal data of a data subject (a user id): destroy the keys that seal their contact
 * data, so that it can no longer be read anywhere, and record that this was done.
 */
public record EraseSubject(String subject, String reason) implements Reasoned {

    private static final String PREFIX = "data-subject:";

    /** The subject's aggregate in the event store; prefixed so that no user id can meet a request's id. */
    @TargetAggregateIdentifier
    public String dataSubjectId() {
        return aggregateId(subject);
    }

    public static String aggregateId(String subject) {
        return PREFIX + subject;
    }
}
