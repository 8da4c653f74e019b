package org.studysupport.query.audit.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.studysupport.api.security.Actor;

import java.io.IOException;

/**
 * Who acted and why, read from an event's stored metadata in one pass of a streaming parser (no
 * tree): the export reads it for every event. Metadata that is not a JSON object gives nulls.
 */
record StoredMetadata(String actorId, String actorRole, String reason) {

    private static final StoredMetadata NONE = new StoredMetadata(null, null, null);

    static StoredMetadata read(byte[] stored) {
        if (stored == null) {
            return NONE;
        }
        String actorId = null;
        String actorRole = null;
        String reason = null;
        try (JsonParser parser = CanonicalEvent.mapper().getFactory().createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    switch (name) {
                        case Actor.USER_ID -> actorId = parser.getText();
                        case Actor.ROLE -> actorRole = parser.getText();
                        case Actor.REASON -> reason = parser.getText();
                        default -> { }
                    }
                }
            }
            return new StoredMetadata(actorId, actorRole, reason);
        } catch (IOException notJson) {
            return NONE;
        }
    }
}
