package org.studysupport.api.query;

import org.studysupport.api.Nullable;

import java.time.Instant;
import java.util.UUID;

/** {@code askedByRole} is COORDINATOR or HOSPITAL. */
public record ClarificationView(UUID id, String question, String askedBy, @Nullable String askedByRole,
                                Instant askedAt, @Nullable String answer, @Nullable Instant answeredAt) {

    public ClarificationView answeredWith(String answerText, Instant at) {
        return new ClarificationView(id, question, askedBy, askedByRole, askedAt, answerText, at);
    }
}
