package org.studysupport.web.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.studysupport.query.audit.AccessTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.access.RequestScope;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.audit.Checkpoint;
import org.studysupport.audit.CheckpointSigner;
import org.studysupport.query.audit.log.AuditChainVerifier;
import org.studysupport.query.audit.log.AuditLogReader;
import org.studysupport.query.audit.log.ChainHash;
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
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The audit log for auditors: the global log exported as it is stored, a check of its hash chain,
 * and signed checkpoints of the chain's head with the key to check them.
 */
@RestController
@Tag(name = "Audit")
public class AuditLogController {

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,199}");
    private static final Pattern ANCHOR = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");
    private static final String INSTANT_EXAMPLE = "an ISO-8601 instant, e.g. 2026-11-26T09:15:00Z";

    private static final Logger logger = LoggerFactory.getLogger(AuditLogController.class);

    private final AuditLogReader log;
    private final AuditChainVerifier verifier;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final AccessRecording access;

    public AuditLogController(AuditLogReader log, AuditChainVerifier verifier, CheckpointSigner signer, Clock clock,
                              AccessRecording access) {
        this.access = access;
        this.log = log;
        this.verifier = verifier;
        this.signer = signer;
        this.clock = clock;
    }

    @GetMapping("/api/audit/events")
    @Operation(operationId = "auditEvents",
            summary = "The global log, oldest first, streamed as JSON Lines or (Accept: text/csv) CSV;"
            + " from inclusive, to exclusive (AUDITOR, ADMIN)")
    @ApiResponse(responseCode = "200", description = "one event per line, with its chain link", content = {
            @Content(mediaType = JsonLinesExport.MEDIA_TYPE), @Content(mediaType = CsvExport.MEDIA_TYPE)})
    public void events(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                       @RequestParam(required = false) String requestId,
                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestScope.of(CurrentActor.get()).requireWholeNetwork("The audit log");
        ExportFilter parsed = filter(from, to, type, actor, requestId);
        // recorded before the first line is sent: a 2xx answer means its record is stored
        ExportFilter filter = access.recorded(AccessTrail.EXPORT_EVENTS, requestId, AuditedReads.detail(request),
                () -> parsed);
        boolean csv = accept != null && accept.contains(CsvExport.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setContentType((csv ? CsvExport.MEDIA_TYPE : JsonLinesExport.MEDIA_TYPE) + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream body = response.getOutputStream();
        try {
            if (csv) {
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

    @GetMapping("/api/audit/verify")
    @Operation(operationId = "verifyAuditChain",
            summary = "Recomputes the hash chain over the stored log; with anchor=<position>:<hash>, also"
            + " checks that the log still contains that head (AUDITOR, ADMIN)")
    public ChainVerification verify(@RequestParam(required = false) String anchor, HttpServletRequest request) {
        ChainVerification.Anchor given = anchor == null ? null : anchor(anchor);
        return access.recorded(AccessTrail.VERIFY, null, AuditedReads.detail(request), () -> verifier.verify(given));
    }

    @GetMapping("/api/audit/checkpoint")
    @Operation(operationId = "auditCheckpoint",
            summary = "The chain's current head, signed with the installation's key (AUDITOR, ADMIN)")
    public Checkpoint checkpoint(HttpServletRequest request) {
        return access.recorded(AccessTrail.CHECKPOINT, null, AuditedReads.detail(request), () -> {
            AuditLogReader.ChainHead head = log.head();
            return signer.sign(head.position() == null ? 0 : head.position(), head.hash(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        });
    }

    @GetMapping("/api/audit/public-key")
    @Operation(operationId = "auditPublicKey",
            summary = "The public key (JWK) that checkpoints are signed with (AUDITOR, ADMIN)")
    @ApiResponse(responseCode = "200", description = "a JSON Web Key (RFC 7517): kty, crv, x, y, kid, alg, use",
            content = @Content(schema = @Schema(type = "object",
                    additionalPropertiesSchema = String.class)))
    public Map<String, Object> publicKey() {
        return signer.publicKey();
    }

    private static ExportFilter filter(String from, String to, String type, String actor, String requestId) {
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

    private static ChainVerification.Anchor anchor(String text) {
        var match = ANCHOR.matcher(text);
        if (!match.matches() || !ChainHash.isHash(match.group(2))) {
            throw new InvalidInputException("anchor", "must be <position>:<hash>, the hash as 64 lower-case hex digits");
        }
        return new ChainVerification.Anchor(Long.parseLong(match.group(1)), match.group(2));
    }
}
