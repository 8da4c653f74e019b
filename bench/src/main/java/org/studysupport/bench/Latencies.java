package org.studysupport.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Latency samples in nanoseconds, safe to add from many threads; percentiles by nearest rank. */
final class Latencies {

    private final List<Long> samples = new ArrayList<>();

    synchronized void add(long nanos) {
        samples.add(nanos);
    }

    synchronized int count() {
        return samples.size();
    }

    /** @return the p-th percentile (0–100) in milliseconds, or null without samples */
    synchronized Double percentileMillis(double p) {
        if (samples.isEmpty()) {
            return null;
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        int index = Math.min(sorted.length - 1, Math.max(0, rank - 1));
        return sorted[index] / 1_000_000.0;
    }
}
