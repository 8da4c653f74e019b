package org.studysupport.api.query;

import org.studysupport.api.reference.ServiceCode;

import java.util.List;

public record Recommendations(ServiceCode service, List<Recommendation> hospitals) {

    public Recommendations {
        hospitals = List.copyOf(hospitals);
    }
}
