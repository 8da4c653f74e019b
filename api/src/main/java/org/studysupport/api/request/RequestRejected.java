package org.studysupport.api.request;

import java.util.UUID;

public record RequestRejected(UUID requestId, String reason) {
}
