package org.studysupport.api.query;

import org.studysupport.api.Nullable;

import java.util.List;

/**
 * One hospital, its rank (1 is best) and the figures and words behind it. {@code medianResponseHours}
 * is over the assignments it answered in the last 90 days (null when there were none);
 * {@code slaMet} and {@code slaBreached} count its hospital-response and delivery clocks whose
 * result became known in that window (the reasons give them per clock).
 */
public record Recommendation(
        int rank,
        String hospital,
        String name,
        long openAssignments,
        @Nullable Double medianResponseHours,
        long responsesConsidered,
        long slaMet,
        long slaBreached,
        boolean declinedBefore,
        List<String> reasons) {

    public Recommendation {
        reasons = List.copyOf(reasons);
    }
}
