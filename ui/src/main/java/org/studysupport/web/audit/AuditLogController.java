package org.studysupport.web.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.audit.Checkpoint;
import org.studysupport.audit.CheckpointSigner;
import org.studysupport.query.audit.log.ChainHash;
import org.studysupport.query.audit.log.ChainVerification;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The audit log for auditors: the global log exported as it is stored, a check of its hash chain,
 * and signed checkpoints of the chain's head with the key to check them.
 */
@RestController
@Tag(name = "Audit")
public class AuditLogController {

    private static final Pattern ANCHOR = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");

    private final AuditLogReads reads;
    private final CheckpointSigner signer;

    public AuditLogController(AuditLogReads reads, CheckpointSigner signer) {
        this.reads = reads;
        this.signer = signer;
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
        boolean csv = accept != null && accept.contains(CsvExport.MEDIA_TYPE);
        reads.export(new AuditLogReads.ExportParameters(from, to, type, actor, requestId),
                csv ? AuditLogReads.Format.CSV : AuditLogReads.Format.JSON_LINES, AuditedReads.detail(request),
                response);
    }

    @GetMapping("/api/audit/verify")
    @Operation(operationId = "verifyAuditChain",
            summary = "Recomputes the hash chain over the stored log; with anchor=<position>:<hash>, also"
            + " checks that the log still contains that head (AUDITOR, ADMIN)")
    public ChainVerification verify(@RequestParam(required = false) String anchor, HttpServletRequest request) {
        ChainVerification.Anchor given = anchor == null ? null : anchor(anchor);
        return reads.verify(given, AuditedReads.detail(request));
    }

    @GetMapping("/api/audit/checkpoint")
    @Operation(operationId = "auditCheckpoint",
            summary = "The chain's current head, signed with the installation's key (AUDITOR, ADMIN)")
    public Checkpoint checkpoint(HttpServletRequest request) {
        return reads.checkpoint(AuditedReads.detail(request));
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

    private static ChainVerification.Anchor anchor(String text) {
        var match = ANCHOR.matcher(text);
        if (!match.matches() || !ChainHash.isHash(match.group(2))) {
            throw new InvalidInputException("anchor", "must be <position>:<hash>, the hash as 64 lower-case hex digits");
        }
        return new ChainVerification.Anchor(Long.parseLong(match.group(1)), match.group(2));
    }
}
