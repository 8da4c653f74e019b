package org.studysupport.api.privacy;

import java.util.List;

/**
 * The personal data of a data subject was erased: the keys listed were destroyed. Who erased, when
 * and why travel as the event's metadata, like every other change; the event holds no personal data,
 * only the subject's user id (which stays in the log as an actor id anyway) and key ids.
 */
public record SubjectErased(String subject, List<String> destroyedKeyIds) {

    public SubjectErased {
        destroyedKeyIds = List.copyOf(destroyedKeyIds);
    }
}
