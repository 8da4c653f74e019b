package org.studysupport.query.audit.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a stored event, the bytes its chain link hashes: UTF-8 compact JSON with
 * sorted keys of {@code aggregateId, eventId, metadata, payload, payloadRevision, payloadType,
 * sequence, timestamp}. The payload and metadata are the stored JSON parsed (decimals kept exact) and
 * written back with sorted keys and no whitespace, so the same event gives the same bytes whether it
 * is read from the store or from an export line. The server and the offline verifier both use this
 * class, and nothing else decides what an event's hash covers.
 */
public final class CanonicalEvent {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final JsonFactory FACTORY = JSON.getFactory();

    private CanonicalEvent() {
    }

    /** The canonical bytes of an event as stored. */
    public static byte[] of(StoredEvent event) {
        return of(event.eventId(), event.aggregateId(), event.sequence(), event.payloadType(),
                event.payloadRevision(), event.timestamp(), parse(event.payload()), parse(event.metadata()));
    }

    /** The canonical bytes of an event given field by field (as an export line carries them). */
    public static byte[] of(String eventId, String aggregateId, long sequence, String payloadType,
                            String payloadRevision, String timestamp, JsonNode payload, JsonNode metadata) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("aggregateId", aggregateId);
            out.writeStringField("eventId", eventId);
            out.writeFieldName("metadata");
            write(out, metadata);
            out.writeFieldName("payload");
            write(out, payload);
            out.writeStringField("payloadRevision", payloadRevision);
            out.writeStringField("payloadType", payloadType);
            out.writeNumberField("sequence", sequence);
            out.writeStringField("timestamp", timestamp);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Any JSON value in the same canonical form: compact UTF-8, keys sorted at every level. */
    public static byte[] canonicalJson(JsonNode value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Stored JSON bytes as a tree with exact decimals; null bytes are JSON null, and bytes that are
     * not JSON (a row edited behind the application's back) are kept as their text, so that they
     * hash to something other than the original.
     */
    public static JsonNode parse(byte[] stored) {
        if (stored == null) {
            return NullNode.getInstance();
        }
        try {
            JsonNode tree = JSON.readTree(stored);
            return tree == null || tree.isMissingNode() ? NullNode.getInstance() : tree;
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(stored, StandardCharsets.UTF_8));
        }
    }

    /** Parses JSON text with the same number handling as the stored bytes (exact decimals). */
    public static JsonNode parse(String text) {
        return text == null ? NullNode.getInstance() : parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The mapper whose number handling the canonical form relies on (exact decimals). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.writeNull();
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                names.add(fields.next().getKey());
            }
            Collections.sort(names);
            out.writeStartObject();
            for (String name : names) {
                out.writeFieldName(name);
                write(out, node.get(name));
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (node.isBigDecimal()) {
            out.writeNumber(node.decimalValue());
        } else if (node.isIntegralNumber()) {
            out.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.writeNumber(node.decimalValue());
        } else if (node.isTextual()) {
            out.writeString(node.textValue());
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else {
            out.writeString(node.asText());
        }
    }
}
