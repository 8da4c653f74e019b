package org.studysupport.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies bearer tokens and sorts what goes wrong into two answers: a token that cannot be
 * verified (malformed, unsigned, forged, expired, for another issuer or audience) is refused as
 * unauthenticated; a token that cannot be checked because the identity provider is out of reach is
 * {@link TokenIssuerUnavailableException}. Nothing else escapes, so no token ever causes a 500.
 */
final class TokenVerifier implements JwtDecoder {

    private final JwtDecoder decoder;
    private final TokenIssuer issuer;

    /** @param issuer where the decoder's keys come from; null when they are configured (a public key) */
    TokenVerifier(JwtDecoder decoder, TokenIssuer issuer) {
        this.decoder = decoder;
        this.issuer = issuer;
    }

    @Override
    public Jwt decode(String token) {
        try {
            return decoder.decode(token);
        } catch (BadJwtException refused) {
            throw refused;
        } catch (JwtException | IllegalStateException failed) {
            if (issuer != null && issuer.outage().isPresent()) {
                throw new TokenIssuerUnavailableException(issuer.retryAfter(), failed);
            }
            throw new BadJwtException("The token could not be verified", failed);
        }
    }
}
