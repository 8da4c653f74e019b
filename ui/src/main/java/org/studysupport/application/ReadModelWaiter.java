package org.studysupport.application;

import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.FindRequestVersion;
import org.studysupport.config.StudySupportProperties;

import java.time.Duration;
import java.util.UUID;

/**
 * Lets an action answer with the state after itself: waits until the request view has projected the
 * version the command produced. The projection announces each version it stores; the wait subscribes
 * before it reads, so no announcement is missed, and gives up after the configured timeout.
 */
@Component
public class ReadModelWaiter {

    private static final Logger log = LoggerFactory.getLogger(ReadModelWaiter.class);

    private final QueryGateway queryGateway;
    private final Duration timeout;

    public ReadModelWaiter(QueryGateway queryGateway, StudySupportProperties properties) {
        this.queryGateway = queryGateway;
        this.timeout = properties.readModelWait();
    }

    /** @return whether the read model reached the version within the timeout */
    public boolean awaitVersion(UUID requestId, long version) {
        SubscriptionQueryResult<Long, Long> result = queryGateway.subscriptionQuery(
                new FindRequestVersion(requestId), Long.class, Long.class);
        try {
            Long reached = result.initialResult().concatWith(result.updates())
                    .filter(projected -> projected >= version)
                    .next()
                    .block(timeout);
            return reached != null;
        } catch (IllegalStateException timedOut) {
            log.warn("Read model did not reach version {} of request {} within {}", version, requestId, timeout);
            return false;
        } finally {
            result.cancel();
        }
    }
}
