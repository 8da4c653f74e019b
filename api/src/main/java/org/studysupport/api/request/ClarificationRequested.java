package org.studysupport.api.request;

import org.axonframework.serialization.Revision;
import org.studysupport.api.security.Role;

import java.util.UUID;

/**
 * A question to the investigator. {@code resumeStatus} is the status the request returns to once the
 * question is answered.
 * <p>
 * Revision 2 says who asked in full: {@code askedByRole} (COORDINATOR or HOSPITAL) and, for hospital
 * staff, {@code askedByHospital}. Whether an answer goes back to the coordinators' queue depends on
 * the role, and which hospital waits for the answer on the hospital; revision 1 carried only the user
 * id, so readers had to look into the metadata. Stored revision-1 events are upcast on reading, with
 * both values taken from the event's own metadata (see {@code docs/architecture.md}).
 */
@Revision("2")
public record ClarificationRequested(UUID requestId, UUID clarificationId, String question, String askedBy,
                                     Role askedByRole, String askedByHospital, RequestStatus resumeStatus) {
}
