package org.studysupport.web.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.query.ListRequests;
import org.studysupport.api.query.RequestSort;
import org.studysupport.api.query.RequestSummary;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.RequestPage;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.application.RequestService;
import org.studysupport.command.idempotency.IdempotencyKeys;
import org.studysupport.query.audit.AccessTrail;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.Paging;
import org.studysupport.web.audit.AccessRecording;
import org.studysupport.web.audit.AuditedReads;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The request endpoints of the API contract. */
@RestController
@RequestMapping("/api/requests")
@Tag(name = "Requests", description = "Submit, follow and work study support requests")
public class RequestController {

    private static final String KEY_DESCRIPTION = "optional; 1 to 255 printable ASCII characters without spaces,"
            + " chosen by the client: a repeat by the same user with the same key, path and body stores nothing"
            + " and answers again; another body or path with the key is 409";

    private static final String KEY_PATTERN = "^" + IdempotencyKeyHeader.SYNTAX + "$";

    private final RequestService requests;
    private final ObjectMapper objectMapper;
    private final AccessRecording access;

    public RequestController(RequestService requests, ObjectMapper objectMapper, AccessRecording access) {
        this.requests = requests;
        this.objectMapper = objectMapper;
        this.access = access;
    }

    @PostMapping
    @Operation(operationId = "submitRequest",
            summary = "Submit a request (INVESTIGATOR)", description = "With an Idempotency-Key header, "
            + "the same key and body answer with the request the first call created; another body is 409.")
    @ApiResponse(responseCode = "201", description = "stored; the request as its submitter sees it",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(responseCode = "202", description = "stored, but not readable yet; read it at Location",
            content = @Content(schema = @Schema(implementation = StoredReceipt.class)))
    public ResponseEntity<Object> submit(
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody SubmitRequestBody body) {
        RequestService.Submission submission;
        if (idempotencyKey == null) {
            submission = requests.submit(body.toCommand(UUID.randomUUID()));
        } else {
            submission = requests.submitOnce(body.toCommand(UUID.randomUUID()),
                    IdempotencyKeyHeader.call(idempotencyKey, IdempotencyKeys.SUBMISSION, body, objectMapper));
        }
        URI location = URI.create("/api/requests/" + submission.requestId());
        if (submission.request() == null) {
            // stored for good, but not yet readable: say so rather than show nothing
            return ResponseEntity.accepted().location(location).body(new StoredReceipt(submission.requestId(),
                    "The request is stored; it will be readable at its location in a moment."));
        }
        return ResponseEntity.created(location).body(submission.request());
    }

    /**
     * Sends an action's command, once per idempotency key when the call carries one, and answers with
     * the request after it, or 202 with the request's location while the read model does not show
     * the change yet.
     *
     * @param action the path of the action below the request, which with the request's path tells
     *               one keyed call from another
     */
    private ResponseEntity<RequestView> perform(UUID id, String action, String idempotencyKey, Object body,
                                                Object command) {
        Optional<RequestView> after = idempotencyKey == null ? requests.act(id, command)
                : requests.actOnce(id, command, IdempotencyKeyHeader.call(idempotencyKey,
                IdempotencyKeyHeader.actionTarget(id, action), body, objectMapper));
        return after.map(ResponseEntity::ok).orElseGet(() ->
                ResponseEntity.accepted().location(URI.create("/api/requests/" + id)).build());
    }

    /** The answer to a stored submission whose view is not readable yet. */
    public record StoredReceipt(UUID id, String detail) {
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRequest",
            summary = "A request as the caller may see it; with asOf, exactly as it stood at that moment")
    public RequestView get(@PathVariable UUID id,
                           @RequestParam(required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                           HttpServletRequest request) {
        if (asOf == null) {
            return requests.view(id);
        }
        return access.recorded(AccessTrail.AS_OF_REQUEST, id.toString(), AuditedReads.detail(request),
                () -> requests.viewAsOf(id, asOf));
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "requestHistory",
            summary = "Every event of a request, oldest first (AUDITOR, COORDINATOR, ADMIN; the owning"
            + " INVESTIGATOR without INTERNAL comments)")
    public List<HistoryEntry> history(@PathVariable UUID id, HttpServletRequest request) {
        return access.recorded(AccessTrail.HISTORY, id.toString(), AuditedReads.detail(request),
                () -> requests.history(id));
    }

    @GetMapping
    @Operation(operationId = "listRequests", summary = "The requests the caller may see, filtered, sorted and paged")
    public RequestPage list(
            @RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) ServiceCode service,
            @RequestParam(required = false) String hospital,
            @RequestParam(required = false) Priority priority,
            @Parameter(description = "free text in title, acronym and reference") @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant submittedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant submittedTo,
            @Parameter(description = "submittedAt, updatedAt, priority or slaDueAt, then ,asc or ,desc")
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return requests.list(new ListRequests(status, service, hospital, priority, q, submittedFrom, submittedTo,
                SortParameter.parse(sort), page, size, CurrentActor.get()));
    }

    @PostMapping("/{id}/clarifications")
    @Operation(summary = "Ask the investigator a question (COORDINATOR, assigned HOSPITAL)")
    public ResponseEntity<RequestView> askClarification(@PathVariable UUID id,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Question body) {
        return perform(id, "clarifications", idempotencyKey, body,
                body.toCommand(id));
    }

    @PostMapping("/{id}/clarifications/{clarificationId}/answer")
    @Operation(summary = "Answer a clarification question (owning INVESTIGATOR)")
    public ResponseEntity<RequestView> answerClarification(@PathVariable UUID id, @PathVariable UUID clarificationId,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Answer body) {
        return perform(id, "clarifications/" + clarificationId + "/answer", idempotencyKey, body,
                body.toCommand(id, clarificationId));
    }

    @PostMapping("/{id}/accept")
    @Operation(operationId = "acceptRequest", summary = "Accept a submitted request with a priority (COORDINATOR)")
    public ResponseEntity<RequestView> accept(@PathVariable UUID id,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Accept body) {
        return perform(id, "accept", idempotencyKey, body, body.toCommand(id));
    }

    @PostMapping("/{id}/reject")
    @Operation(operationId = "rejectRequest", summary = "Reject a submitted request (COORDINATOR)")
    public ResponseEntity<RequestView> reject(@PathVariable UUID id,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Reason body) {
        return perform(id, "reject", idempotencyKey, body, body.toRejection(id));
    }

    @PostMapping("/{id}/assignments")
    @Operation(operationId = "assignService",
            summary = "Assign a requested service to a partner hospital (COORDINATOR)")
    public ResponseEntity<RequestView> assign(@PathVariable UUID id,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Assign body) {
        return perform(id, "assignments", idempotencyKey, body,
                body.toCommand(id));
    }

    @PostMapping("/{id}/assignments/{assignmentId}/acknowledge")
    @Operation(operationId = "acknowledgeAssignment",
            summary = "Acknowledge a pending assignment (HOSPITAL of the assignment)")
    public ResponseEntity<RequestView> acknowledge(@PathVariable UUID id, @PathVariable UUID assignmentId,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @RequestBody(required = false) ActionBodies.Empty body) {
        // no body and {} are the same call
        return perform(id, "assignments/" + assignmentId + "/acknowledge", idempotencyKey, new ActionBodies.Empty(),
                new ActionBodies.Empty().toAcknowledgement(id, assignmentId));
    }

    @PostMapping("/{id}/assignments/{assignmentId}/decline")
    @Operation(operationId = "declineAssignment", summary = "Decline a pending assignment (HOSPITAL of the assignment)")
    public ResponseEntity<RequestView> decline(@PathVariable UUID id, @PathVariable UUID assignmentId,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Reason body) {
        return perform(id, "assignments/" + assignmentId + "/decline", idempotencyKey, body,
                body.toDecline(id, assignmentId));
    }

    @PostMapping("/{id}/assignments/{assignmentId}/reassign")
    @Operation(operationId = "reassignAssignment",
            summary = "Move an open assignment to another hospital (COORDINATOR)")
    public ResponseEntity<RequestView> reassign(@PathVariable UUID id, @PathVariable UUID assignmentId,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Reassign body) {
        return perform(id, "assignments/" + assignmentId + "/reassign", idempotencyKey, body,
                body.toCommand(id, assignmentId));
    }

    @PostMapping("/{id}/assignments/{assignmentId}/cancel")
    @Operation(operationId = "cancelAssignment", summary = "Cancel an open assignment (COORDINATOR)")
    public ResponseEntity<RequestView> cancel(@PathVariable UUID id, @PathVariable UUID assignmentId,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Reason body) {
        return perform(id, "assignments/" + assignmentId + "/cancel", idempotencyKey, body,
                body.toCancellation(id, assignmentId));
    }

    @PostMapping("/{id}/assignments/{assignmentId}/complete")
    @Operation(summary = "Complete an active assignment with a summary (HOSPITAL of the assignment)")
    public ResponseEntity<RequestView> completeAssignment(@PathVariable UUID id, @PathVariable UUID assignmentId,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Summary body) {
        return perform(id, "assignments/" + assignmentId + "/complete", idempotencyKey, body,
                body.toCommand(id, assignmentId));
    }

    @PostMapping("/{id}/complete")
    @Operation(operationId = "completeRequest", summary = "Complete a request when no assignment is open (COORDINATOR)")
    public ResponseEntity<RequestView> complete(@PathVariable UUID id,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Outcome body) {
        return perform(id, "complete", idempotencyKey, body, body.toCommand(id));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(operationId = "withdrawRequest", summary = "Withdraw a request (owning INVESTIGATOR)")
    public ResponseEntity<RequestView> withdraw(@PathVariable UUID id,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Reason body) {
        return perform(id, "withdraw", idempotencyKey, body, body.toWithdrawal(id));
    }

    @PostMapping("/{id}/comments")
    @Operation(operationId = "addComment", summary = "Comment on a request (anyone who can see it, but auditors)")
    public ResponseEntity<RequestView> comment(@PathVariable UUID id,
            @Parameter(description = KEY_DESCRIPTION, schema = @Schema(pattern = KEY_PATTERN))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody ActionBodies.Comment body) {
        return perform(id, "comments", idempotencyKey, body,
                body.toCommand(id));
    }
}
