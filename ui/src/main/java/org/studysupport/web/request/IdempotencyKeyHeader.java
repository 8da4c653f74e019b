package org.studysupport.web.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.command.idempotency.IdempotencyKeys;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of a submission or an action: 1 to 255 printable ASCII
 * characters without spaces (a UUID, a ULID, base64 all fit). Non-ASCII characters are refused
 * rather than stored: HTTP header bytes beyond ASCII have no agreed encoding, so the same key
 * could arrive as two different strings. The pages' hidden keys (the submission form, the actions of
 * a request's page) go through the same check and fingerprint, so that a key means one call
 * whichever client made it.
 */
public final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    static final int MAX_LENGTH = 255;
    /** Printable ASCII without spaces, 1 to {@link #MAX_LENGTH} characters (also the published pattern). */
    static final String SYNTAX = "[\\x21-\\x7E]{1," + MAX_LENGTH + "}";
    private static final Pattern VALID = Pattern.compile(SYNTAX);

    private IdempotencyKeyHeader() {
    }

    /** The target of an action on a request: its path in the API, e.g. {@code /api/requests/{id}/accept}. */
    public static String actionTarget(UUID requestId, String action) {
        return "/api/requests/" + requestId + "/" + action;
    }

    /**
     * The call a keyed request makes.
     *
     * @param target the path of the call, its ids in canonical form
     * @param body   the parsed body, fingerprinted
     */
    public static IdempotencyKeys.Call call(String key, String target, Object body, ObjectMapper objectMapper) {
        if (!VALID.matcher(key).matches()) {
            throw new InvalidInputException(NAME, "must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces");
        }
        return new IdempotencyKeys.Call(key, target, BodyFingerprint.of(body, objectMapper));
    }
}
