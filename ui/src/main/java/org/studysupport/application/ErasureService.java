package org.studysupport.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.studysupport.api.privacy.CountSubjectRequests;
import org.studysupport.api.privacy.EraseSubject;
import org.studysupport.api.privacy.ErasureOutcome;
import org.studysupport.security.CurrentActor;

import java.time.Instant;

/**
 * Erases a data subject as the signed-in admin: the subject's keys are destroyed and the erasure
 * recorded in one command; the answer tells what that reached.
 */
@Service
public class ErasureService {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public ErasureService(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * The answer to an erasure: whose, when (UTC), by whom, how many keys were destroyed, and how
     * many requests of the subject now show their contact as erased.
     */
    public record Erasure(String subject, Instant erasedAt, String erasedBy, int keysDestroyed,
                          long requestsAffected) {
    }

    public Erasure erase(String subject, String reason) {
        ErasureOutcome outcome = commands.sendAndWait(new EraseSubject(subject, reason));
        long requests = Answers.join(queries.query(new CountSubjectRequests(subject), Long.class));
        return new Erasure(subject, outcome.erasedAt(), CurrentActor.get().id(), outcome.destroyedKeyIds().size(),
                requests);
    }
}
