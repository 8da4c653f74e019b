package org.studysupport.api.request;

import java.util.UUID;

public record RequestCompleted(UUID requestId, String outcome) {
}
