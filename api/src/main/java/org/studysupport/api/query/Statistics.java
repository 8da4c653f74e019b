package org.studysupport.api.query;

import org.studysupport.api.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Counts and durations over the requests submitted in [from, to). Durations are in seconds;
 * percentiles interpolate linearly between the closest ranks. {@code sla} counts the service-level
 * clocks whose result (met or breached) became known in [from, to), per clock and hospital.
 */
public record Statistics(
        @Nullable Instant from,
        @Nullable Instant to,
        long requests,
        Map<String, Long> byStatus,
        Map<String, Long> byService,
        Map<String, Map<String, Long>> assignmentsByHospital,
        Duration timeToTriage,
        Duration timeToHospitalResponse,
        Duration timeToCompletion,
        List<SlaRecord> sla) {

    /** How many cases were measured, their median and 90th percentile in seconds (null when none). */
    public record Duration(long count, @Nullable Double medianSeconds, @Nullable Double p90Seconds) {
    }

    /**
     * Service-level results of one clock at one hospital (hospital null for the triage clock):
     * clocks stopped before their due time, and clocks that breached.
     */
    public record SlaRecord(String clock, @Nullable String hospital, long met, long breached) {
    }
}
