package org.studysupport.api.query;

import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Actor;

import java.time.Instant;

/** The requests the viewer may see that match every given filter (null means any). */
public record ListRequests(
        RequestStatus status,
        ServiceCode service,
        String hospital,
        Priority priority,
        String text,
        Instant submittedFrom,
        Instant submittedTo,
        RequestSort sort,
        int page,
        int size,
        Actor viewer) {
}
