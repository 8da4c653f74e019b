package org.studysupport.api.assignment;

import org.studysupport.api.reference.ServiceCode;
import java.util.UUID;

public record AssignmentDeclined(UUID requestId, UUID assignmentId, ServiceCode service, String hospital,
                                 String reason) {
}
