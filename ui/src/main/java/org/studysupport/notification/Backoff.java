package org.studysupport.notification;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before the next attempt on a message: the initial backoff doubled after each failed
 * attempt, up to the maximum, less a random share of it (the jitter), so that the senders of many
 * messages to a receiver that comes back do not all try again in the same instant.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;

    Backoff(Duration initial, Duration max, double jitter) {
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("the jitter is a share from 0 to 1, not " + jitter);
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
    }

    /** @param failedAttempts how many attempts failed so far (1 after the first) */
    Duration after(int failedAttempts) {
        long base = initial.toMillis();
        for (int i = 1; i < failedAttempts && base < max.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toMillis());
        long random = (long) (base * jitter * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.max(1, base - random));
    }
}
