package org.studysupport.api.request;

import java.util.UUID;

public record RequestAccepted(UUID requestId, Priority priority, String note) {
}
