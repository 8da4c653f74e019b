package org.studysupport.web.insight;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.query.Recommendations;
import org.studysupport.api.query.Statistics;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.application.QueueService;

import java.time.Instant;
import java.util.UUID;

/** Which hospital to route a service to, and how the network is doing. */
@RestController
@Tag(name = "Insight")
public class InsightController {

    private final QueueService queues;

    public InsightController(QueueService queues) {
        this.queues = queues;
    }

    @GetMapping("/api/requests/{id}/recommendations")
    @Operation(operationId = "recommendHospitals",
            summary = "Hospitals that offer the service and accept requests, ranked, with reasons (COORDINATOR)")
    @ApiResponse(responseCode = "200", description = "the hospitals that offer the service, best first",
            content = @Content(schema = @Schema(implementation = Recommendations.class)))
    @ApiResponse(responseCode = "409", description = "the request did not ask for the service, or is closed",
            ref = "#/components/responses/Problem409")
    public Recommendations recommendations(@PathVariable UUID id, @RequestParam ServiceCode service) {
        return queues.recommendations(id, service);
    }

    @GetMapping("/api/stats")
    @Operation(operationId = "statistics",
            summary = "Counts, durations and service levels over requests submitted in [from, to)"
            + " (COORDINATOR, AUDITOR, ADMIN)")
    public Statistics statistics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        return queues.statistics(from, to);
    }
}
