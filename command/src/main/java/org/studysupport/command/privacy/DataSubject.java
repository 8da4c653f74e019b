package org.studysupport.command.privacy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.studysupport.api.privacy.EraseSubject;
import org.studysupport.api.privacy.ErasureOutcome;
import org.studysupport.api.privacy.SubjectErased;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;
import org.studysupport.command.metadata.ActingUser;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person whose personal data the application holds (today: an investigator's contact blocks),
 * known by user id. Its one decision is erasure: an admin, giving a reason, has the subject's keys
 * destroyed and the erasure recorded as {@link SubjectErased}, in one transaction. A subject erased
 * before may be erased again only when a key was created for them since (a later submission);
 * otherwise there is nothing left to erase and the request is refused.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DataSubject {

    /** The longest reason accepted, as for every other reason of the API. */
    static final int MAX_REASON_LENGTH = 2000;

    @AggregateIdentifier
    private String dataSubjectId;
    private boolean erased;

    protected DataSubject() {
        // for Axon
    }

    /** @return the keys destroyed, and when */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ErasureOutcome handle(EraseSubject command, MetaData metaData, SubjectKeys keys) {
        Actor actor = ActingUser.from(metaData);
        if (!actor.is(Role.ADMIN)) {
            throw new NotPermittedException("Only admins may erase a data subject.");
        }
        if (command.subject() == null || command.subject().isBlank()) {
            throw new InvalidInputException("subject", "subject is required");
        }
        String reason = command.reason();
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "reason must be 1 to " + MAX_REASON_LENGTH + " characters");
        }
        Instant erasedAt = GenericEventMessage.clock.instant();
        List<String> destroyed = keys.destroy(command.subject(), erasedAt);
        if (erased && destroyed.isEmpty()) {
            throw new ActionNotAllowedException("Subject " + command.subject()
                    + " was erased already, and no data was stored for them since.");
        }
        apply(new SubjectErased(command.subject(), destroyed));
        return new ErasureOutcome(destroyed, erasedAt);
    }

    @EventSourcingHandler
    void on(SubjectErased event) {
        dataSubjectId = EraseSubject.aggregateId(event.subject());
        erased = true;
    }
}
