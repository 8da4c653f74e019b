package org.studysupport.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.query.operations.DeadLetterPage;
import org.studysupport.query.operations.DeadLetters;
import org.studysupport.query.operations.RetryOutcome;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.Paging;

/** The events a read model failed to handle, kept aside, and their retry once the cause is fixed (ADMIN). */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Operations")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "The parked events of every processor, oldest first (ADMIN)")
    public DeadLetterPage list(@RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return deadLetters.list(page, size);
    }

    @PostMapping("/{id}/retry")
    @Operation(operationId = "retryDeadLetter",
            summary = "Handle the letter's sequence again, from its first letter (ADMIN)")
    public RetryOutcome retry(@PathVariable String id) {
        return deadLetters.retry(id, CurrentActor.get().id());
    }
}
