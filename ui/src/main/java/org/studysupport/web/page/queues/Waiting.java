package org.studysupport.web.page.queues;

import java.time.Duration;
import java.time.Instant;

/**
 * How long something has waited, in whole days, hours and minutes, for the boards' "age" column:
 * {@code key} names the message that shows it ({@code queues.age.days}, {@code .hours} or
 * {@code .minutes}, each taking the days, hours and minutes as its arguments 0, 1 and 2).
 */
public record Waiting(long days, long hours, long minutes) {

    /** From a moment until now (zero when the moment is in the future). */
    public static Waiting since(Instant moment, Instant now) {
        Duration waited = Duration.between(moment, now);
        if (waited.isNegative()) {
            waited = Duration.ZERO;
        }
        return new Waiting(waited.toDays(), waited.toHoursPart(), waited.toMinutesPart());
    }

    public String key() {
        if (days > 0) {
            return "queues.age.days";
        }
        return hours > 0 ? "queues.age.hours" : "queues.age.minutes";
    }
}
