package org.studysupport.web.page.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studysupport.api.security.Action;
import org.studysupport.audit.Checkpoint;
import org.studysupport.query.audit.AccessTrail;
import org.studysupport.web.audit.AccessRecording;
import org.studysupport.web.audit.AuditLogReads;

import java.io.IOException;

/**
 * The audit log's downloads for the pages' session (the API does not take it): the whole log, or
 * one request's events, as CSV or JSON Lines, and a signed checkpoint of the chain's head. They are
 * written by the same code as {@code GET /api/audit/events} and {@code /api/audit/checkpoint}, and
 * recorded on the access trail the same way, a refusal for the role included.
 */
@Controller
public class AuditDownloads {

    private final AuditLogReads reads;
    private final AccessRecording access;
    private final ObjectMapper json;

    public AuditDownloads(AuditLogReads reads, AccessRecording access, ObjectMapper json) {
        this.reads = reads;
        this.access = access;
        this.json = json;
    }

    @GetMapping("/audit/export.csv")
    void csv(@RequestParam(required = false) String requestId, HttpServletRequest request,
             HttpServletResponse response) throws IOException {
        export(requestId, AuditLogReads.Format.CSV, "csv", request, response);
    }

    @GetMapping("/audit/export.jsonl")
    void jsonLines(@RequestParam(required = false) String requestId, HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        export(requestId, AuditLogReads.Format.JSON_LINES, "jsonl", request, response);
    }

    @GetMapping("/audit/checkpoint.json")
    void checkpoint(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = PageReads.detail(request);
        access.requireRole(Action.READ_AUDIT_LOG, AccessTrail.CHECKPOINT, null, detail);
        Checkpoint checkpoint = reads.checkpoint(detail);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        attachment(response, "audit-checkpoint.json");
        json.writeValue(response.getOutputStream(), checkpoint);
    }

    private void export(String requestId, AuditLogReads.Format format, String extension, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        String detail = PageReads.detail(request);
        access.requireRole(Action.READ_AUDIT_LOG, AccessTrail.EXPORT_EVENTS, requestId, detail);
        AuditLogReads.ExportParameters parameters = AuditLogReads.ExportParameters.ofRequest(requestId);
        parameters.filter(); // a refused filter shows as the error page, not as a downloaded file
        attachment(response, (requestId == null ? "audit-log" : "audit-log-" + requestId) + "." + extension);
        reads.export(parameters, format, detail, response);
    }

    private static void attachment(HttpServletResponse response, String filename) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
    }
}
