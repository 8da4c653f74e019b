package org.studysupport.web.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.application.ErasureService;

/**
 * Erasure of a data subject's personal data by crypto-shredding (ADMIN): see docs/privacy.md.
 */
@RestController
@RequestMapping("/api/admin/subjects")
@Tag(name = "Privacy")
public class SubjectErasureController {

    static final int REASON_MAX = 2000;
    /** As wide as a user id is stored. */
    static final int USER_ID_MAX = 255;

    private final ErasureService erasures;

    public SubjectErasureController(ErasureService erasures) {
        this.erasures = erasures;
    }

    /** @param reason why the subject is erased (e.g. the request under GDPR art. 17 it answers) */
    public record Erase(@NotBlank @Size(max = REASON_MAX) String reason) {
    }

    @PostMapping("/{userId}/erase")
    @Operation(operationId = "eraseSubject",
            summary = "Destroys the keys that seal the user's contact data, so that it reads as erased in"
            + " every view, history and export, and records the erasure (ADMIN). 409 when the user was erased"
            + " before and no data was stored for them since")
    public ErasureService.Erasure erase(@PathVariable String userId, @Valid @RequestBody Erase body) {
        if (userId.isBlank() || userId.length() > USER_ID_MAX) {
            throw new InvalidInputException("userId", "a user id is 1 to " + USER_ID_MAX + " characters");
        }
        return erasures.erase(userId, body.reason());
    }
}
