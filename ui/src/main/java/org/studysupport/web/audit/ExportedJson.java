package org.studysupport.web.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.studysupport.query.audit.log.CanonicalEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Stored JSON (a payload or metadata) as the text an export carries. The stored bytes are passed on
 * unchanged when they are one JSON value on one line, which is what the application stores; anything
 * else (a row edited behind the application's back) is written as parsed, or as a JSON string of its
 * text, so that every export line stays one valid JSON object and the edit shows in its hash.
 */
final class ExportedJson {

    private ExportedJson() {
    }

    /** @return JSON text, or null for a null column */
    static String of(byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (isOneLineOfJson(stored)) {
            return new String(stored, StandardCharsets.UTF_8);
        }
        try {
            return CanonicalEvent.mapper().writeValueAsString(CanonicalEvent.parse(stored));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isOneLineOfJson(byte[] stored) {
        for (byte b : stored) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        try (JsonParser parser = CanonicalEvent.mapper().getFactory().createParser(stored)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }
}
