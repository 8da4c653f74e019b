package org.studysupport.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies each distinct bearer token once. A client sends the same token with every request until
 * it expires, and checking its RSA signature was the largest single cost of a request. A later
 * request with the very same token, signature included, reuses the verified token while it is
 * valid; anything else, and every token that fails, goes to the verifier. Tokens without an expiry
 * are never kept.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /**
     * @param size     how many verified tokens are kept at most
     * @param keepFor  how long a verified token is kept at most, however long it is valid
     */
    VerifiedTokenCache(JwtDecoder verifier, Clock clock, int size, Duration keepFor) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(keepFor).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && validAt(known, clock.instant())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static boolean validAt(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
