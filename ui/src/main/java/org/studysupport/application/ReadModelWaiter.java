package org.studysupport.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.FindRequestVersion;
import org.studysupport.config.StudySupportProperties;
import org.studysupport.live.QueueChangeFeed;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets an action answer with the state after itself: waits until the request view has projected the
 * version the command produced. Two sources announce projected versions: this node's projection,
 * at once (a subscription query), and the shared change feed, within a poll interval, which also
 * covers a projection running on another node. Both are watched before the current version is
 * read, so no announcement is missed; the wait gives up after the configured timeout.
 */
@Component
public class ReadModelWaiter {

    private static final Logger log = LoggerFactory.getLogger(ReadModelWaiter.class);

    private final QueryGateway queryGateway;
    private final QueueChangeFeed feed;
    private final Duration timeout;
    private final Counter timeouts;

    public ReadModelWaiter(QueryGateway queryGateway, QueueChangeFeed feed, StudySupportProperties properties,
                           MeterRegistry meters) {
        this.queryGateway = queryGateway;
        this.feed = feed;
        this.timeout = properties.readModelWait();
        this.timeouts = Counter.builder("study_support.read_model.wait.timeouts")
                .description("Actions that answered before the read model showed their change")
                .register(meters);
    }

    /** @return whether the read model reached the version within the timeout */
    public boolean awaitVersion(UUID requestId, long version) {
        CompletableFuture<Long> reached = new CompletableFuture<>();
        Runnable stopWatchingFeed = feed.watchVersions(requestId, projected -> {
            if (projected >= version) {
                reached.complete(projected);
            }
        });
        SubscriptionQueryResult<Long, Long> local = queryGateway.subscriptionQuery(
                new FindRequestVersion(requestId), Long.class, Long.class);
        Disposable watchingLocal = local.initialResult().concatWith(local.updates())
                .filter(projected -> projected >= version)
                .subscribe(reached::complete, error -> { });
        try {
            reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            timeouts.increment();
            log.warn("Read model did not reach version {} of request {} within {}", version, requestId, timeout);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } finally {
            stopWatchingFeed.run();
            watchingLocal.dispose();
            local.cancel();
        }
    }
}
