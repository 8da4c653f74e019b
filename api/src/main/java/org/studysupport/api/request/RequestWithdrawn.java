package org.studysupport.api.request;

import java.util.UUID;

public record RequestWithdrawn(UUID requestId, String reason, RequestStatus previousStatus) {
}
