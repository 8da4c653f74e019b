package org.studysupport.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long idempotency keys are kept.
 *
 * @param retention       how long after its first use a key still answers a repeat; a retry after
 *                        that is a new call
 * @param cleanupInterval how often each node forgets the keys older than the retention
 */
@ConfigurationProperties("study-support.idempotency")
public record IdempotencySettings(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration cleanupInterval) {

    public IdempotencySettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("study-support.idempotency.retention must be positive");
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException("study-support.idempotency.cleanup-interval must be positive");
        }
    }
}
