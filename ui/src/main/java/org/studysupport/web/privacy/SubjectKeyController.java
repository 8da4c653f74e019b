package org.studysupport.web.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.privacy.SubjectKeyVault;
import org.studysupport.security.CurrentActor;

/**
 * The step of a master-key rotation that touches the database (ADMIN): every subject key wrapped
 * again with the master keyset's primary key. See docs/privacy.md.
 */
@RestController
@RequestMapping("/api/admin/subject-keys")
@Tag(name = "Privacy")
public class SubjectKeyController {

    private static final Logger log = LoggerFactory.getLogger(SubjectKeyController.class);

    private final SubjectKeyVault vault;
    private final TransactionTemplate transactions;

    public SubjectKeyController(SubjectKeyVault vault, TransactionTemplate transactions) {
        this.vault = vault;
        this.transactions = transactions;
    }

    /** @param reason why the keys are wrapped again (the rotation it completes) */
    public record Rewrapping(@NotBlank @Size(max = SubjectErasureController.REASON_MAX) String reason) {
    }

    @PostMapping("/rewrap")
    @Operation(operationId = "rewrapSubjectKeys",
            summary = "Wraps every subject key that an older master key wrapped again with the master keyset's"
            + " primary key, after a new primary key was added to the keyset (ADMIN)")
    public SubjectKeyVault.Rewrap rewrap(@Valid @RequestBody Rewrapping body) {
        SubjectKeyVault.Rewrap done = transactions.execute(status -> vault.rewrapWithPrimary());
        log.info("Subject keys wrapped again with the primary master key by {}: {} rewrapped, {} not unwrappable;"
                + " reason: {}", CurrentActor.get().id(), done.rewrapped(), done.unreadableKeyIds().size(), body.reason());
        return done;
    }
}
