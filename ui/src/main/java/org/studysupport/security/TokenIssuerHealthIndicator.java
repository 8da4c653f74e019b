package org.studysupport.security;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the identity provider's keys can be fetched: DOWN, with the reason and since when, while
 * they cannot (and bearer tokens are answered 503). Asking fetches the keys only when they are not
 * at hand and no outage says to wait.
 */
final class TokenIssuerHealthIndicator implements HealthIndicator {

    private final TokenIssuer issuer;

    TokenIssuerHealthIndicator(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Health health() {
        return issuer.check()
                .map(outage -> Health.down()
                        .withDetail("issuer", issuer.name())
                        .withDetail("reason", outage.reason())
                        .withDetail("since", outage.since().toString())
                        .withDetail("nextAttempt", outage.retryAt().toString()))
                .orElseGet(() -> Health.up()
                        .withDetail("issuer", issuer.name())
                        .withDetail("keySet", issuer.keySetAddress().orElse("")))
                .build();
    }
}
