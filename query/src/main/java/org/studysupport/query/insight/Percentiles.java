package org.studysupport.query.insight;

import java.util.List;

/** Percentiles with linear interpolation between the closest ranks (as SQL's percentile_cont). */
public final class Percentiles {

    private Percentiles() {
    }

    /** @param sorted values in ascending order; @param fraction between 0 and 1 */
    public static Double of(List<Double> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return null;
        }
        double position = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double weight = position - below;
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * weight;
    }
}
