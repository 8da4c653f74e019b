package org.studysupport.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** The problem types of the API (RFC 9457), one place for their URIs and titles. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail unauthenticated() {
        return of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
                "Sign in to use the API.");
    }

    /** A bearer token that was sent but could not be verified. */
    public static ProblemDetail invalidToken() {
        return of(HttpStatus.UNAUTHORIZED, "invalid-token", "Token not accepted",
                "The bearer token could not be verified: it is malformed, expired or not yet valid, not signed "
                        + "by the identity provider, or meant for another issuer or audience.");
    }

    /** The identity provider's keys cannot be fetched, so no bearer token can be checked for now. */
    public static ProblemDetail identityProviderUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable", "Sign-in unavailable",
                "The identity provider cannot be reached, so your token cannot be checked. Try again later.");
    }

    public static ProblemDetail forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }
}
