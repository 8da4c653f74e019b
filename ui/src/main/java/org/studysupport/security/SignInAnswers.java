package org.studysupport.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.studysupport.web.Problems;

import java.io.IOException;

/**
 * The answers to a caller who is not signed in, as problem details with the challenge
 * ({@code WWW-Authenticate}) of each way in that is switched on: a missing sign-in, refused Basic
 * credentials, a refused bearer token (401), and a token that cannot be checked because the
 * identity provider is out of reach (503 with {@code Retry-After}).
 */
final class SignInAnswers {

    private static final String BASIC = "Basic realm=\"study-support\"";
    private static final String BEARER = "Bearer";

    private final ObjectMapper objectMapper;
    private final boolean bearerTokens;
    private final boolean basic;

    /**
     * @param bearerTokens whether bearer tokens are accepted
     * @param demoUsers    whether the demo users may sign in (with HTTP Basic); Basic is also the
     *                     challenge when no other way in is configured
     */
    SignInAnswers(ObjectMapper objectMapper, boolean bearerTokens, boolean demoUsers) {
        this.objectMapper = objectMapper;
        this.bearerTokens = bearerTokens;
        this.basic = demoUsers || !bearerTokens;
    }

    /** No credentials, or none that any way in took. */
    void notSignedIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (basic) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC);
        }
        if (bearerTokens) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER);
        }
        write(response, Problems.unauthenticated());
    }

    /** HTTP Basic credentials that are wrong. */
    void basicRefused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC);
        write(response, Problems.unauthenticated());
    }

    /** A bearer token that was refused, or could not be checked. */
    void tokenRefused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof TokenIssuerUnavailableException unavailable) {
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, unavailable.retryAfter().toSeconds())));
            write(response, Problems.identityProviderUnavailable());
            return;
        }
        // RFC 6750: a token that was sent and refused is an invalid_token, whatever the reason
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER + " error=\"invalid_token\"");
        write(response, Problems.invalidToken());
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
