package org.studysupport.web.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.studysupport.query.audit.log.AuditLogReader;
import org.studysupport.query.audit.log.CanonicalEvent;
import org.studysupport.query.audit.log.LoggedEvent;
import org.studysupport.query.audit.log.StoredEvent;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the audit log as JSON Lines: one object per event and line, with everything the offline
 * verifier needs to recompute the event's hash (the stored payload type, revision, time text,
 * payload and metadata) and the event's chain link.
 */
final class JsonLinesExport implements AuditLogReader.Sink, AutoCloseable {

    static final String MEDIA_TYPE = "application/x-ndjson";

    private final JsonGenerator out;
    private boolean any;

    JsonLinesExport(OutputStream output) throws IOException {
        this.out = CanonicalEvent.mapper().getFactory().createGenerator(output);
        this.out.setRootValueSeparator(new SerializedString("\n"));
    }

    @Override
    public void accept(LoggedEvent logged) throws IOException {
        StoredEvent event = logged.event();
        out.writeStartObject();
        out.writeNumberField("position", event.position());
        out.writeStringField("eventId", event.eventId());
        out.writeStringField("requestId", event.aggregateId());
        out.writeNumberField("sequence", event.sequence());
        out.writeStringField("type", event.simpleType());
        out.writeStringField("payloadType", event.payloadType());
        out.writeStringField("revision", event.payloadRevision());
        out.writeStringField("occurredAt", event.timestamp());
        out.writeObjectFieldStart("actor");
        out.writeStringField("id", logged.actorId());
        out.writeStringField("role", logged.actorRole());
        out.writeEndObject();
        out.writeStringField("reason", logged.reason());
        raw("data", ExportedJson.of(event.payload()));
        raw("metadata", ExportedJson.of(event.metadata()));
        out.writeStringField("previousHash", logged.previousHash());
        out.writeStringField("hash", logged.hash());
        out.writeEndObject();
        any = true;
    }

    private void raw(String field, String json) throws IOException {
        out.writeFieldName(field);
        if (json == null) {
            out.writeNull();
        } else {
            out.writeRawValue(json);
        }
    }

    @Override
    public void close() throws IOException {
        if (any) {
            out.writeRaw('\n');
        }
        out.close();
    }
}
