package org.studysupport.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once while valid; expired, unknown and refused tokens always go to the verifier. */
class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    /** Stands for the signature check: answers the tokens it was told of, refuses any other. */
    private static final class Verifier implements JwtDecoder {
        final List<String> verified = new ArrayList<>();
        final Map<String, Instant> expiries;

        Verifier(Map<String, Instant> expiries) {
            this.expiries = expiries;
        }

        @Override
        public Jwt decode(String token) {
            verified.add(token);
            if (!expiries.containsKey(token)) {
                throw new BadJwtException("signature does not verify");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("user").issuedAt(NOW);
            Instant expiry = expiries.get(token);
            return expiry == null ? jwt.claim("scope", "none").build() : jwt.expiresAt(expiry).build();
        }
    }

    private final Verifier verifier = new Verifier(new HashMap<>(Map.of(
            "good", NOW.plusSeconds(300), "short", NOW.plusSeconds(10))));

    private VerifiedTokenCache cacheAt(Instant now) {
        return new VerifiedTokenCache(verifier, Clock.fixed(now, ZoneOffset.UTC), 100, Duration.ofMinutes(5));
    }

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsValid() {
        VerifiedTokenCache cache = cacheAt(NOW);

        Jwt first = cache.decode("good");
        Jwt second = cache.decode("good");

        assertThat(second).isSameAs(first);
        assertThat(verifier.verified).containsExactly("good");
    }

    @Test
    void aKeptTokenPastItsExpiryGoesToTheVerifierAgain() {
        MovableClock clock = new MovableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 100, Duration.ofMinutes(5));

        cache.decode("short");
        clock.now = NOW.plusSeconds(9);
        cache.decode("short");
        clock.now = NOW.plusSeconds(11);
        cache.decode("short");

        assertThat(verifier.verified).containsExactly("short", "short");
    }

    @Test
    void refusedTokensAreNeverKept() {
        VerifiedTokenCache cache = cacheAt(NOW);

        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifier.verified).containsExactly("forged", "forged");
    }

    @Test
    void tokensWithoutAnExpiryAreVerifiedEachTime() {
        verifier.expiries.put("endless", null);
        VerifiedTokenCache cache = cacheAt(NOW);

        cache.decode("endless");
        cache.decode("endless");

        assertThat(verifier.verified).containsExactly("endless", "endless");
    }

    /** A clock a test moves on by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
