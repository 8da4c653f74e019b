package org.studysupport.web.audit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.studysupport.query.audit.log.AuditLogReader;
import org.studysupport.query.audit.log.LoggedEvent;
import org.studysupport.query.audit.log.StoredEvent;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the audit log as JSON Lines: one object per event and line, with everything the offline
 * verifier needs to recompute the event's hash (the stored payload type, revision, time text,
 * payload and metadata) and the event's chain link. Written byte by byte rather than through a
 * JSON generator: the stored payload and metadata are JSON already and are copied as they are,
 * without being decoded into text and encoded again.
 */
final class JsonLinesExport implements AuditLogReader.Sink, AutoCloseable {

    static final String MEDIA_TYPE = "application/x-ndjson";

    private static final byte[] POSITION = ascii("{\"position\":");
    private static final byte[] EVENT_ID = ascii(",\"eventId\":");
    private static final byte[] REQUEST_ID = ascii(",\"requestId\":");
    private static final byte[] SEQUENCE = ascii(",\"sequence\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    private static final byte[] PAYLOAD_TYPE = ascii(",\"payloadType\":");
    private static final byte[] REVISION = ascii(",\"revision\":");
    private static final byte[] OCCURRED_AT = ascii(",\"occurredAt\":");
    private static final byte[] ACTOR_ID = ascii(",\"actor\":{\"id\":");
    private static final byte[] ACTOR_ROLE = ascii(",\"role\":");
    private static final byte[] REASON = ascii("},\"reason\":");
    private static final byte[] DATA = ascii(",\"data\":");
    private static final byte[] METADATA = ascii(",\"metadata\":");
    private static final byte[] PREVIOUS_HASH = ascii(",\"previousHash\":");
    private static final byte[] HASH = ascii(",\"hash\":");
    private static final byte[] END = ascii("}\n");
    private static final byte[] NULL = ascii("null");
    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final JsonStringEncoder encoder = JsonStringEncoder.getInstance();

    JsonLinesExport(OutputStream output) {
        this.out = new BufferedOutputStream(output, BUFFER);
    }

    @Override
    public void accept(LoggedEvent logged) throws IOException {
        StoredEvent event = logged.event();
        out.write(POSITION);
        out.write(ascii(Long.toString(event.position())));
        out.write(EVENT_ID);
        string(event.eventId());
        out.write(REQUEST_ID);
        string(event.aggregateId());
        out.write(SEQUENCE);
        out.write(ascii(Long.toString(event.sequence())));
        out.write(TYPE);
        string(event.simpleType());
        out.write(PAYLOAD_TYPE);
        string(event.payloadType());
        out.write(REVISION);
        string(event.payloadRevision());
        out.write(OCCURRED_AT);
        string(event.timestamp());
        out.write(ACTOR_ID);
        string(logged.actorId());
        out.write(ACTOR_ROLE);
        string(logged.actorRole());
        out.write(REASON);
        string(logged.reason());
        out.write(DATA);
        json(event.payload());
        out.write(METADATA);
        json(event.metadata());
        out.write(PREVIOUS_HASH);
        string(logged.previousHash());
        out.write(HASH);
        string(logged.hash());
        out.write(END);
    }

    private void string(String value) throws IOException {
        if (value == null) {
            out.write(NULL);
            return;
        }
        out.write('"');
        out.write(encoder.quoteAsUTF8(value));
        out.write('"');
    }

    private void json(byte[] stored) throws IOException {
        if (stored == null) {
            out.write(NULL);
        } else if (ExportedJson.isOneLineOfJson(stored)) {
            out.write(stored);
        } else {
            out.write(ExportedJson.of(stored).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
