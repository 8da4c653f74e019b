package org.studysupport.web.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.studysupport.api.query.HospitalQueuePage;
import org.studysupport.api.query.RequestPage;
import org.studysupport.application.QueueService;
import org.studysupport.query.audit.AccessTrail;
import org.studysupport.web.Paging;
import org.studysupport.web.audit.AccessRecording;
import org.studysupport.web.audit.AuditedReads;

import java.time.Instant;

/**
 * The coordinators' triage queue and the hospitals' queues. Who may call which is decided by the
 * path rules ({@code ActionPaths}): today's triage queue and the queue as of a past moment are two
 * actions with their own roles.
 */
@RestController
@RequestMapping("/api/queues")
@Tag(name = "Queues")
public class QueueController {

    private final QueueService queues;
    private final AccessRecording access;

    public QueueController(QueueService queues, AccessRecording access) {
        this.queues = queues;
        this.access = access;
    }

    @GetMapping("/triage")
    @Operation(operationId = "triageQueue",
            summary = "Requests waiting for a coordinator, earliest due first (COORDINATOR); with asOf,"
            + " exactly as the queue stood at that moment (COORDINATOR, AUDITOR)")
    public RequestPage triage(@RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size,
                              HttpServletRequest request) {
        Paging.check(page, size);
        if (asOf != null) {
            return access.recorded(AccessTrail.AS_OF_TRIAGE_QUEUE, null, AuditedReads.detail(request),
                    () -> queues.triageAsOf(asOf, page, size));
        }
        return queues.triage(page, size);
    }

    @GetMapping("/hospitals/{code}")
    @Operation(operationId = "hospitalQueue",
            summary = "A hospital's PENDING and ACTIVE assignments, earliest due first"
            + " (COORDINATOR; HOSPITAL of that code)")
    public HospitalQueuePage hospital(@PathVariable String code,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return queues.hospital(code, page, size);
    }
}
