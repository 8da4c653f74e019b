package org.studysupport.api.reference;

import java.util.Set;

/** A partner hospital's research-support unit and the services it offers. Reference data. */
public record Hospital(String code, String name, Set<ServiceCode> services, boolean acceptingRequests) {

    public Hospital {
        services = Set.copyOf(services);
    }

    public boolean offers(ServiceCode service) {
        return services.contains(service);
    }
}
