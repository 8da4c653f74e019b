package org.studysupport.query.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import org.studysupport.api.security.Actor;

/**
 * An event of the audit log as exported: the stored row, its metadata read as JSON, and its chain
 * link (null hashes when the event has none).
 */
public record LoggedEvent(StoredEvent event, JsonNode metadata, String previousHash, String hash) {

    public String actorId() {
        return text(Actor.USER_ID);
    }

    public String actorRole() {
        return text(Actor.ROLE);
    }

    public String reason() {
        return text(Actor.REASON);
    }

    private String text(String key) {
        JsonNode value = metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
