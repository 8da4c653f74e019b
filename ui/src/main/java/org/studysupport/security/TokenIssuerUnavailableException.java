package org.studysupport.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/**
 * A bearer token could not be checked because the identity provider's keys cannot be fetched. Not
 * the caller's fault, and not a refusal of the token: the answer is 503, to be tried again after
 * {@link #retryAfter()}.
 */
public class TokenIssuerUnavailableException extends AuthenticationException {

    private final Duration retryAfter;

    public TokenIssuerUnavailableException(Duration retryAfter, Throwable cause) {
        super("The identity provider cannot be reached", cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
