package org.studysupport.web.page.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.studysupport.api.Nullable;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.security.Action;
import org.studysupport.application.RequestService;
import org.studysupport.config.StudySupportProperties;
import org.studysupport.query.audit.AccessTrail;
import org.studysupport.web.audit.AccessRecording;
import org.studysupport.web.audit.AuditLogReads;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /audit/requests/{id}}, the auditor's view of one request: its whole history from
 * {@link RequestService#history} (each step's actor, role, time, reason and data), the request as it
 * stood at a moment the auditor chooses (a date and time in the network's time zone, answered by
 * {@link RequestService#viewAsOf}), the check of the log's hash chain on demand, and the request's
 * events as downloads. Each read is recorded on the access trail as the API's are; a role without
 * {@link Action#READ_AUDIT_LOG} gets the 403 page, and the refusal is recorded too.
 */
@Controller
public class AuditRequestPage {

    /** The most a field's value shows in the timeline; the downloads hold it whole. */
    static final int MAX_VALUE_TEXT = 500;
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final RequestService requests;
    private final AuditLogReads reads;
    private final AccessRecording access;
    private final ObjectMapper json;
    private final ZoneId zone;

    public AuditRequestPage(RequestService requests, AuditLogReads reads, AccessRecording access, ObjectMapper json,
                            StudySupportProperties properties) {
        this.requests = requests;
        this.reads = reads;
        this.access = access;
        this.json = json;
        this.zone = properties.timeZone();
    }

    /** One step of the timeline, its data as field and text pairs. */
    public record Step(long sequence, String type, Instant occurredAt, String actorId, String actorRole,
                       @Nullable String reason, List<Change> changes) {
    }

    /** A field of a step's data and its value as text (JSON for a list or an object). */
    public record Change(String field, String value) {
    }

    @GetMapping("/audit/requests/{id}")
    String request(@PathVariable UUID id, @RequestParam(required = false) String asOf,
                   @RequestParam(defaultValue = "false") boolean verify, HttpServletRequest request, Model model) {
        String target = id.toString();
        String detail = PageReads.detail(request);
        access.requireRole(Action.READ_AUDIT_LOG, AccessTrail.HISTORY, target, detail);
        List<HistoryEntry> history = access.recorded(AccessTrail.HISTORY, target, detail, () -> requests.history(id));
        model.addAttribute("request", requests.view(id));
        model.addAttribute("steps", history.stream().map(this::step).toList());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        if (asOf != null && !asOf.isBlank()) {
            asOf(id, asOf.trim(), request, model);
        } else {
            // the form starts at the latest step: an auditor moves back from there
            model.addAttribute("asOf", LOCAL_INPUT.format(history.get(history.size() - 1).occurredAt().atZone(zone)));
        }
        if (verify) {
            model.addAttribute("verification", reads.verify(null, detail));
        }
        return "audit/request";
    }

    private void asOf(UUID id, String text, HttpServletRequest request, Model model) {
        Instant moment;
        try {
            moment = LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            model.addAttribute("asOfError", true);
            return;
        }
        model.addAttribute("asOfMoment", moment);
        try {
            model.addAttribute("asOfView", access.recorded(AccessTrail.AS_OF_REQUEST, id.toString(),
                    PageReads.detail(request, "asOf=" + moment), () -> requests.viewAsOf(id, moment)));
        } catch (UnknownEntityException notYet) {
            model.addAttribute("asOfMissing", true);
        }
    }

    private Step step(HistoryEntry entry) {
        return new Step(entry.sequence(), entry.type(), entry.occurredAt(), entry.actor().id(), entry.actor().role(),
                entry.reason(), changes(json.valueToTree(entry.data())));
    }

    private static List<Change> changes(JsonNode data) {
        List<Change> changes = new ArrayList<>();
        if (data == null || !data.isObject()) {
            return changes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("requestId") || field.getValue().isNull()) {
                continue;
            }
            JsonNode value = field.getValue();
            String text = value.isValueNode() ? value.asText() : value.toString();
            changes.add(new Change(field.getKey(), text.length() > MAX_VALUE_TEXT
                    ? text.substring(0, MAX_VALUE_TEXT) + "…" : text));
        }
        return changes;
    }
}
