package org.studysupport.api.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a clock may run: either a number of whole working days on the clock's calendar, or a
 * wall-clock duration (for demonstrations and tests). Exactly one is set. A clock's start event
 * carries the target it started with, so its due time can be recomputed from history alone,
 * whatever the configuration says today.
 *
 * @param workingDays whole working days, positive; null when {@code duration} is set
 * @param duration    wall-clock time, positive; null when {@code workingDays} is set
 */
public record SlaTarget(Integer workingDays, Duration duration) {

    public SlaTarget {
        if ((workingDays == null) == (duration == null)) {
            throw new IllegalArgumentException(
                    "An SLA target is either working days or a duration, exactly one of them; got "
                            + workingDays + " working days and duration " + duration);
        }
        if (workingDays != null && workingDays <= 0) {
            throw new IllegalArgumentException("An SLA target's working days must be positive, got " + workingDays);
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("An SLA target's duration must be positive, got " + duration);
        }
    }

    public static SlaTarget ofWorkingDays(int workingDays) {
        return new SlaTarget(workingDays, null);
    }

    public static SlaTarget ofDuration(Duration duration) {
        return new SlaTarget(null, Objects.requireNonNull(duration, "duration"));
    }

    /**
     * Whether the target counts wall-clock time rather than working days. (Not named as a getter,
     * so serializers do not write it as a field of the events that carry the target.)
     */
    public boolean countsWallClock() {
        return duration != null;
    }
}
