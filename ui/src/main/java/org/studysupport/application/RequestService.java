package org.studysupport.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.query.CanSeeRequest;
import org.studysupport.api.query.FindRequest;
import org.studysupport.api.query.FindRequestAsOf;
import org.studysupport.api.query.FindRequestHistory;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.query.ListRequests;
import org.studysupport.api.query.RequestSummary;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.RequestPage;
import org.studysupport.api.request.SubmitRequest;
import org.studysupport.command.idempotency.IdempotencyKeys;
import org.studysupport.live.QueueChangeFeed;
import org.studysupport.security.CurrentActor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What every client of the application (the HTTP API, the demo data) does with requests: send a
 * command as the signed-in user and answer with the request as that user may see it afterwards.
 * The command's own transaction writes the request view, so the view read after it shows the
 * change, on any node. It does not only while the view is being rebuilt from the log: then the
 * answer says the change is stored but not readable yet, rather than show a view without it. A
 * call with an idempotency key is made once per user and key; its repeats store nothing.
 */
@Service
public class RequestService {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdempotencyKeys idempotencyKeys;
    private final QueueChangeFeed feed;
    private final Counter notYetReadable;

    public RequestService(CommandGateway commands, QueryGateway queries, IdempotencyKeys idempotencyKeys,
                          QueueChangeFeed feed, MeterRegistry meters) {
        this.commands = commands;
        this.queries = queries;
        this.idempotencyKeys = idempotencyKeys;
        this.feed = feed;
        this.notYetReadable = Counter.builder("study_support.answers.not_yet_readable")
                .description("Stored changes answered 202 because the read model did not show them yet")
                .register(meters);
    }

    public Submission submit(SubmitRequest command) {
        commands.sendAndWait(command);
        return stored(command.requestId(), false);
    }

    /**
     * Submits once per idempotency key: the same key with the same body answers with the request the
     * first submission created; the same key with another body, or used for an action, is refused.
     *
     * @param call the key and a digest of the body, to tell "the same body" from "another body"
     */
    public Submission submitOnce(SubmitRequest command, IdempotencyKeys.Call call) {
        String userId = CurrentActor.get().id();
        Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.find(userId, call.key());
        if (earlier.isPresent()) {
            return repeated(earlier.get(), call);
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(call.metaData(command.requestId())));
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return repeated(idempotencyKeys.find(userId, call.key()).orElseThrow(() -> e), call);
        }
        return stored(command.requestId(), false);
    }

    /**
     * The answer to a stored submission: the request's id, the request as its submitter sees it (null
     * while the read model does not show it), and whether an earlier submission created it.
     */
    public record Submission(UUID requestId, RequestView request, boolean repeated) {
    }

    private Submission stored(UUID requestId, boolean repeated) {
        if (!repeated) {
            feed.changed();
        }
        return new Submission(requestId, showing(requestId, 0).orElse(null), repeated);
    }

    private Submission repeated(IdempotencyKeys.Claim claim, IdempotencyKeys.Call call) {
        claim.requireSame(call);
        return stored(claim.requestId(), true);
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends a command about a request the caller can see.
     *
     * @return the request after the command, or empty when the change is stored but the read model
     * does not show it yet
     */
    public Optional<RequestView> act(UUID requestId, Object command) {
        requireVisible(requestId);
        Long version = commands.sendAndWait(command);
        feed.changed();
        return showing(requestId, version);
    }

    /**
     * Sends a command about a request the caller can see once per idempotency key: a repeat of the
     * same call (same key, same path, same body) stores nothing and answers with the request as it
     * stands now, if the read model shows the first call's change; another call with the key is
     * refused. Of two calls with the same key at once, the second waits for the first's transaction
     * and then answers as a repeat.
     *
     * @return the request after the command, or empty when the change is stored but the read model
     * does not show it yet
     */
    public Optional<RequestView> actOnce(UUID requestId, Object command, IdempotencyKeys.Call call) {
        requireVisible(requestId);
        String userId = CurrentActor.get().id();
        Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.find(userId, call.key());
        if (earlier.isPresent()) {
            return repeatedAction(earlier.get(), call);
        }
        Long version;
        try {
            version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(call.metaData(requestId)));
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return repeatedAction(idempotencyKeys.find(userId, call.key()).orElseThrow(() -> e), call);
        }
        feed.changed();
        return showing(requestId, version);
    }

    private Optional<RequestView> repeatedAction(IdempotencyKeys.Claim claim, IdempotencyKeys.Call call) {
        claim.requireSame(call);
        return showing(claim.requestId(), claim.version() == null ? 0 : claim.version());
    }

    private void requireVisible(UUID requestId) {
        if (!Answers.join(queries.query(new CanSeeRequest(requestId, CurrentActor.get()), Boolean.class))) {
            throw unknown(requestId);
        }
    }

    /** The request as the caller sees it, if the read model shows at least the given version. */
    private Optional<RequestView> showing(UUID requestId, long version) {
        Optional<RequestView> view = find(requestId).filter(request -> request.version() >= version);
        if (view.isEmpty()) {
            notYetReadable.increment();
        }
        return view;
    }

    public RequestView view(UUID requestId) {
        return find(requestId).orElseThrow(() -> unknown(requestId));
    }

    /** The request as it stood at a past moment; 404 if it did not exist yet or the caller may not see it. */
    public RequestView viewAsOf(UUID requestId, Instant asOf) {
        return Answers.join(queries.query(new FindRequestAsOf(requestId, asOf, CurrentActor.get()),
                        ResponseTypes.optionalInstanceOf(RequestView.class)))
                .orElseThrow(() -> new UnknownEntityException("No request " + requestId + " at " + asOf + "."));
    }

    /** Every event of the request, oldest first, as the caller may see them; 404 if they may not see it. */
    public List<HistoryEntry> history(UUID requestId) {
        List<HistoryEntry> history = Answers.join(queries.query(new FindRequestHistory(requestId, CurrentActor.get()),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)));
        if (history.isEmpty()) {
            throw unknown(requestId);
        }
        return history;
    }

    public Optional<RequestView> find(UUID requestId) {
        return Answers.join(queries.query(new FindRequest(requestId, CurrentActor.get()),
                ResponseTypes.optionalInstanceOf(RequestView.class)));
    }

    public RequestPage list(ListRequests query) {
        return Answers.join(queries.query(query, ResponseTypes.instanceOf(RequestPage.class)));
    }

    private static UnknownEntityException unknown(UUID requestId) {
        return new UnknownEntityException("No request " + requestId + ".");
    }
}
