package org.studysupport.web.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.studysupport.api.access.RequestScope;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.audit.Checkpoint;
import org.studysupport.audit.CheckpointSigner;
import org.studysupport.query.audit.AccessTrail;
import org.studysupport.query.audit.log.AuditChainVerifier;
import org.studysupport.query.audit.log.AuditLogReader;
import org.studysupport.query.audit.log.ChainVerification;
import org.studysupport.query.audit.log.ExportFilter;
import org.studysupport.security.CurrentActor;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The reads of the global audit log that both its clients offer, the API ({@link AuditLogController})
 * and the auditor's pages: the export as CSV or JSON Lines, the check of the hash chain, a signed
 * checkpoint. Each read is put on the access trail ({@link AccessRecording}) before it is answered,
 * whichever client asked.
 */
@Component
public class AuditLogReads {

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,199}");
    private static final String INSTANT_EXAMPLE = "an ISO-8601 instant, e.g. 2026-11-26T09:15:00Z";

    private static final Logger logger = LoggerFactory.getLogger(AuditLogReads.class);

    private final AuditLogReader log;
    private final AuditChainVerifier verifier;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final AccessRecording access;

    public AuditLogReads(AuditLogReader log, AuditChainVerifier verifier, CheckpointSigner signer, Clock clock,
                         AccessRecording access) {
        this.log = log;
        this.verifier = verifier;
        this.signer = signer;
        this.clock = clock;
        this.access = access;
    }

    /** The shapes an export is written in. */
    public enum Format {
        CSV(CsvExport.MEDIA_TYPE), JSON_LINES(JsonLinesExport.MEDIA_TYPE);

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /**
     * Checks the caller's scope (the whole network) and the filter, records the export (EXPORT_EVENTS,
     * the request id as its target) and streams the matching events, oldest first, into the response.
     * A refusal is thrown before anything is written.
     *
     * @param detail what the access trail keeps of the call (its query)
     */
    public void export(ExportParameters parameters, Format format, String detail, HttpServletResponse response)
            throws IOException {
        RequestScope.of(CurrentActor.get()).requireWholeNetwork("The audit log");
        ExportFilter parsed = parameters.filter();
        // recorded before the first line is sent: a 2xx answer means its record is stored
        ExportFilter filter = access.recorded(AccessTrail.EXPORT_EVENTS, parameters.requestId(), detail,
                () -> parsed);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(format.mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream body = response.getOutputStream();
        try {
            if (format == Format.CSV) {
                try (CsvExport export = new CsvExport(body)) {
                    log.export(filter, export);
                }
            } else {
                try (JsonLinesExport export = new JsonLinesExport(body)) {
                    log.export(filter, export);
                }
            }
        } catch (IOException clientGone) {
            // only writing the answer throws this (the database's failures are not I/O exceptions)
            logger.info("An audit export ended before its last event: {}", clientGone.toString());
        }
    }

    /** Recomputes the hash chain (and looks for the anchor, if given), recorded as VERIFY. */
    public ChainVerification verify(ChainVerification.Anchor anchor, String detail) {
        return access.recorded(AccessTrail.VERIFY, null, detail, () -> verifier.verify(anchor));
    }

    /** The chain's current head signed with the installation's key, recorded as CHECKPOINT. */
    public Checkpoint checkpoint(String detail) {
        return access.recorded(AccessTrail.CHECKPOINT, null, detail, () -> {
            AuditLogReader.ChainHead head = log.head();
            return signer.sign(head.position() == null ? 0 : head.position(), head.hash(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        });
    }

    /**
     * An export's filter as its caller gave it, as text; {@link #filter()} checks it. Null means no
     * condition.
     */
    public record ExportParameters(String from, String to, String type, String actor, String requestId) {

        /** The whole log, or (with a request id) one request's events. */
        public static ExportParameters ofRequest(String requestId) {
            return new ExportParameters(null, null, null, null, requestId);
        }

        /** The filter these parameters stand for; refuses with 400 what is not one. */
        public ExportFilter filter() {
            Instant start = instant("from", from);
            Instant end = instant("to", to);
            if (start != null && end != null && end.isBefore(start)) {
                throw new InvalidInputException("to", "must not be before from");
            }
            if (type != null && !TYPE_NAME.matcher(type).matches()) {
                throw new InvalidInputException("type", "must be an event type name, e.g. RequestSubmitted");
            }
            if (actor != null && (actor.isBlank() || actor.length() > 255)) {
                throw new InvalidInputException("actor", "must be a user id (1-255 characters)");
            }
            return new ExportFilter(start, end, type, actor, requestId == null ? null : requestId(requestId));
        }

        private static Instant instant(String field, String text) {
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "must be " + INSTANT_EXAMPLE);
            }
        }

        private static String requestId(String text) {
            try {
                UUID id = UUID.fromString(text);
                if (id.toString().equalsIgnoreCase(text)) {
                    return id.toString();
                }
            } catch (IllegalArgumentException notAUuid) {
                // refused below
            }
            throw new InvalidInputException("requestId", "must be a request id (UUID)");
        }
    }
}
