package org.studysupport.api.assignment;

import org.studysupport.api.reference.ServiceCode;
import java.util.UUID;

/** Closes the assignment as REASSIGNED; the new PENDING one is told by {@link ServiceAssigned} right after. */
public record AssignmentReassigned(UUID requestId, UUID assignmentId, ServiceCode service, String fromHospital,
                                   UUID newAssignmentId, String toHospital, String reason) {
}
