package org.studysupport.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.query.RebuildStatus;
import org.studysupport.application.ProjectionService;

import java.net.URI;
import java.util.List;

/** The read models' processors, and rebuilding a read model from the log (ADMIN). */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Operations")
public class ProjectionController {

    private final ProjectionService projections;

    public ProjectionController(ProjectionService projections) {
        this.projections = projections;
    }

    /** @param reason why the read model is rebuilt, kept with the rebuild */
    public record Replay(@Size(max = 2000) String reason) {
    }

    @GetMapping
    @Operation(operationId = "listProjections",
            summary = "Each read model's processor: position, lag in events, replaying, segments and who"
            + " holds them, errors and parked events, the latest rebuild (ADMIN)")
    public List<ProjectionService.Projection> list() {
        return projections.list();
    }

    @PostMapping("/{name}/replay")
    @Operation(operationId = "replayProjection",
            summary = "Rebuilds the read model the processor writes from the log, request by request,"
            + " while queries keep answering; 202, its progress shows in the list (ADMIN)")
    @ApiResponse(responseCode = "202", description = "the rebuild is started; its progress shows in the list",
            headers = @Header(name = "Location", description = "the list of read models",
                    schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    public ResponseEntity<RebuildStatus> replay(@PathVariable String name,
                                                @Valid @RequestBody(required = false) Replay body) {
        RebuildStatus started = projections.replay(name, body == null ? null : body.reason());
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections")).body(started);
    }
}
