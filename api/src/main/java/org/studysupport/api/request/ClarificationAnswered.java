package org.studysupport.api.request;

import java.util.UUID;

public record ClarificationAnswered(UUID requestId, UUID clarificationId, String answer,
                                    RequestStatus resumedStatus) {
}
