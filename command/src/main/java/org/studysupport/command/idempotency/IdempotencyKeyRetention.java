package org.studysupport.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Forgets idempotency keys older than the retention, on every node: the delete is the same
 * wherever it runs, so nodes that run it at once do no harm.
 */
@Component
@EnableConfigurationProperties(IdempotencySettings.class)
public class IdempotencyKeyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyRetention.class);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final IdempotencySettings settings;

    public IdempotencyKeyRetention(IdempotencyKeys keys, Clock clock, IdempotencySettings settings) {
        this.keys = keys;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${study-support.idempotency.cleanup-interval:1h}",
            initialDelayString = "${study-support.idempotency.cleanup-interval:1h}")
    public void forgetOldKeys() {
        int forgotten = keys.forgetClaimedBefore(clock.instant().minus(settings.retention()));
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, settings.retention());
        }
    }
}
