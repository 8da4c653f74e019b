package org.studysupport.api.query;

import java.time.Instant;
import java.util.UUID;

public record ClarificationView(UUID id, String question, String askedBy, Instant askedAt, String answer,
                                Instant answeredAt) {
}
