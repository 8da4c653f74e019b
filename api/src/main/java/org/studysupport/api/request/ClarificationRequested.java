package org.studysupport.api.request;

import java.util.UUID;

/** {@code resumeStatus} is the status the request returns to once the question is answered. */
public record ClarificationRequested(UUID requestId, UUID clarificationId, String question, String askedBy,
                                     RequestStatus resumeStatus) {
}
