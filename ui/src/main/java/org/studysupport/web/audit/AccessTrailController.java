package org.studysupport.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.query.audit.AccessFilter;
import org.studysupport.query.audit.AccessTrail;
import org.studysupport.security.CurrentActor;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * {@code GET /api/audit/access} (AUDITOR, ADMIN): the access trail for a period, oldest first, as
 * JSON Lines or, with {@code Accept: text/csv}, CSV; streamed from a database cursor. The call is
 * itself recorded (EXPORT_ACCESS) before the first byte is sent, so it appears in its own export.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The audit trail and who read it")
public class AccessTrailController {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final AccessTrail trail;
    private final ObjectMapper objectMapper;

    public AccessTrailController(AccessTrail trail, ObjectMapper objectMapper) {
        this.trail = trail;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/access")
    @Operation(operationId = "accessTrail",
            summary = "Who read the audit trail, what and when, oldest first (AUDITOR, ADMIN); JSON Lines, or CSV"
            + " with Accept: text/csv")
    public void access(
            @Parameter(description = "records at or after this instant (ISO 8601)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "records before this instant (ISO 8601)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "only the reads of this user id")
            @RequestParam(required = false) String actor,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request, HttpServletResponse response)
            throws HttpMediaTypeNotAcceptableException, IOException {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (actor != null && actor.isBlank()) {
            throw new InvalidInputException("actor", "must not be blank");
        }
        AccessFormat format = AccessFormat.chosenBy(accept);
        AccessFilter filter = new AccessFilter(from, to, actor);
        trail.record(CurrentActor.get(), AccessTrail.EXPORT_ACCESS, null, AuditedReads.detail(request));
        // written on the request's own thread: no asynchronous timeout cuts a long export short
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(format.mediaType().toString());
        write(format, filter, response.getOutputStream());
    }

    private void write(AccessFormat format, AccessFilter filter, OutputStream response) throws IOException {
        OutputStream out = new BufferedOutputStream(response, BUFFER_BYTES);
        try {
            format.start(out);
            trail.stream(filter, record -> {
                try {
                    format.write(record, out, objectMapper);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }
}
