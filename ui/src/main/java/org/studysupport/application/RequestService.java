package org.studysupport.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.query.FindRequest;
import org.studysupport.api.query.ListRequests;
import org.studysupport.api.query.RequestSummary;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.RequestPage;
import org.studysupport.api.request.SubmitRequest;
import org.studysupport.security.CurrentActor;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * What the HTTP API and the web pages do with requests: send a command as the signed-in user, wait
 * until the read model shows its effect, and answer with the request as that user may see it.
 */
@Service
public class RequestService {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelWaiter readModel;

    public RequestService(CommandGateway commands, QueryGateway queries, ReadModelWaiter readModel) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
    }

    public RequestView submit(SubmitRequest command) {
        commands.sendAndWait(command);
        readModel.awaitVersion(command.requestId(), 0);
        return view(command.requestId());
    }

    /** Sends a command about a request the caller can see; answers with the request after it. */
    public RequestView act(UUID requestId, Object command) {
        view(requestId);
        Long version = commands.sendAndWait(command);
        readModel.awaitVersion(requestId, version);
        return view(requestId);
    }

    public RequestView view(UUID requestId) {
        return find(requestId).orElseThrow(() -> new UnknownEntityException("No request " + requestId + "."));
    }

    public Optional<RequestView> find(UUID requestId) {
        return join(queries.query(new FindRequest(requestId, CurrentActor.get()),
                ResponseTypes.optionalInstanceOf(RequestView.class)));
    }

    public RequestPage list(ListRequests query) {
        return join(queries.query(query, ResponseTypes.instanceOf(RequestPage.class)));
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
