package org.studysupport.api.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution of time to triage (submission to acceptance or rejection) over a period: how
 * many requests fell in each band, the bands in order, together covering every duration. Requests
 * not triaged yet are not counted, as in {@link Statistics#timeToTriage()}.
 */
public record TriageTimes(List<Band> bands) {

    /** The bands' upper limits (exclusive); the last band has none. */
    public static final List<Duration> LIMITS = List.of(Duration.ofHours(1), Duration.ofHours(4),
            Duration.ofHours(24), Duration.ofDays(3));

    public TriageTimes {
        bands = List.copyOf(bands);
    }

    /**
     * Requests whose time to triage was at least {@code atLeast} and less than {@code lessThan}
     * (null: no upper limit).
     */
    public record Band(Duration atLeast, Duration lessThan, long requests) {
    }

    /** How many requests were counted in all. */
    public long total() {
        return bands.stream().mapToLong(Band::requests).sum();
    }

    /** The bands for these durations. */
    public static TriageTimes of(List<Duration> durations) {
        long[] counts = new long[LIMITS.size() + 1];
        for (Duration duration : durations) {
            int band = 0;
            while (band < LIMITS.size() && duration.compareTo(LIMITS.get(band)) >= 0) {
                band++;
            }
            counts[band]++;
        }
        List<Band> bands = new ArrayList<>();
        Duration lower = Duration.ZERO;
        for (int i = 0; i <= LIMITS.size(); i++) {
            Duration upper = i < LIMITS.size() ? LIMITS.get(i) : null;
            bands.add(new Band(lower, upper, counts[i]));
            lower = upper;
        }
        return new TriageTimes(bands);
    }
}
