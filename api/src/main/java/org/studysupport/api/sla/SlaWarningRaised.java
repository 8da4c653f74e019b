package org.studysupport.api.sla;

import java.time.Instant;
import java.util.UUID;

/** 75 % of a running clock's target has elapsed. */
public record SlaWarningRaised(UUID requestId, Clock clock, UUID assignmentId, Instant dueAt) {
}
