package org.studysupport.web.audit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.studysupport.query.audit.log.AuditLogReader;
import org.studysupport.query.audit.log.LoggedEvent;
import org.studysupport.query.audit.log.StoredEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes the audit log as CSV (RFC 4180: comma separated, CRLF line ends, fields with commas,
 * quotes or line breaks quoted): one header row, then one row per event with the same fields as a
 * JSON line; data and metadata as compact JSON text.
 */
final class CsvExport implements AuditLogReader.Sink, AutoCloseable {

    static final String MEDIA_TYPE = "text/csv";
    static final String[] HEADER = {"position", "eventId", "requestId", "sequence", "type", "payloadType",
            "revision", "occurredAt", "actorId", "actorRole", "reason", "data", "metadata", "previousHash", "hash"};

    private final CSVPrinter out;

    CsvExport(OutputStream output) throws IOException {
        this.out = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180.builder().setHeader(HEADER).get());
    }

    @Override
    public void accept(LoggedEvent logged) throws IOException {
        StoredEvent event = logged.event();
        out.printRecord(event.position(), event.eventId(), event.aggregateId(), event.sequence(),
                event.simpleType(), event.payloadType(), event.payloadRevision(), event.timestamp(),
                logged.actorId(), logged.actorRole(), logged.reason(), ExportedJson.of(event.payload()),
                ExportedJson.of(event.metadata()), logged.previousHash(), logged.hash());
    }

    @Override
    public void close() throws IOException {
        out.close(true);
    }
}
