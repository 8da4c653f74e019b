package org.studysupport.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** The problem types of the API (RFC 9457), one place for their URIs and titles. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
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

    /**
     * The database cannot be reached, so the request could not be carried out. A change is stored
     * in one transaction with its read model, so it is either stored whole or not at all; only a
     * connection lost while the transaction was committing leaves the client unsure which.
     */
    public static ProblemDetail databaseUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Service unavailable",
                "The database cannot be reached for now. Try again later. A change this request asked for "
                        + "was not stored, unless the connection broke while it was being committed: read the "
                        + "request again, or resend it with the same Idempotency-Key, before repeating it.");
    }

    public static ProblemDetail forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static ProblemDetail notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    /**
     * A failure nobody foresaw. The answer says nothing of its cause; the error id is also in the
     * log line that does, so that a report can be matched with it.
     */
    public static ProblemDetail internalError(String errorId) {
        ProblemDetail problem = of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed unexpectedly; nothing was changed unless its answer said so."
                        + " Quote error id " + errorId + " when reporting it.");
        problem.setProperty("errorId", errorId);
        return problem;
    }

    /**
     * The answer for a bare status, when the application itself gave none (the container's error
     * page, a status set by a framework): a fixed text per status, never the cause's message.
     */
    public static ProblemDetail forStatus(int code) {
        return switch (code) {
            case 400 -> of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "The request could not be understood.");
            case 401 -> unauthenticated();
            case 403 -> forbidden("You may not do this.");
            case 404 -> notFound("No such resource.");
            case 405 -> of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "This resource does not take this method.");
            case 413 -> of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                    "The request is too large.");
            default -> {
                HttpStatus known = HttpStatus.resolve(code);
                String reason = known == null ? "Error" : known.getReasonPhrase();
                yield of(HttpStatusCode.valueOf(code), "http-" + code, reason,
                        "The request failed (" + code + " " + reason + ").");
            }
        };
    }
}
