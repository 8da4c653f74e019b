package org.studysupport.api.query;

import org.studysupport.api.reference.ServiceCode;

import java.util.UUID;

/** The hospitals to route a service of a request to, best first. */
public record RecommendHospitals(UUID requestId, ServiceCode service) {
}
