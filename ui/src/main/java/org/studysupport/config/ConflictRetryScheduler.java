package org.studysupport.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a command again when it lost an optimistic-concurrency race: another node appended events
 * to the same aggregate after this one loaded it, so the append hit the unique key on aggregate id
 * and sequence number ({@link ConcurrencyException}). The retry loads the aggregate afresh and
 * decides again: a command still valid then succeeds, one the other change made invalid is refused
 * by the domain. Any other failure is final at once. The waits grow exponentially, with jitter, so
 * that two nodes retrying against each other do not meet in step.
 *
 * <p>Axon's own interval schedulers treat a failure as final when any exception in its cause chain
 * is non-transient, and the storage engine's conflict carries the database's exception as its
 * cause; hence this scheduler, which looks only for the conflict.
 */
public class ConflictRetryScheduler implements RetryScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    private final CommandRetrySettings settings;
    private final ScheduledExecutorService executor;
    private final Counter retried;
    private final Counter givenUp;

    public ConflictRetryScheduler(CommandRetrySettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.retried = Counter.builder("study_support.commands.conflict_retries")
                .description("Commands sent again after losing an optimistic-concurrency race")
                .register(meters);
        this.givenUp = Counter.builder("study_support.commands.conflicts_answered")
                .description("Commands that lost a race on every attempt and were answered 409 concurrent-change")
                .register(meters);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "command-retry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        int retriesSoFar = failures.size() - 1;
        if (!isConflict(lastFailure)) {
            return false;
        }
        if (retriesSoFar >= settings.maxRetries() || executor.isShutdown()) {
            givenUp.increment();
            return false;
        }
        retried.increment();
        long wait = backoffMillis(retriesSoFar);
        log.debug("{} lost a concurrent change; sending it again in {} ms (retry {} of {})",
                commandMessage.getPayloadType().getSimpleName(), wait, retriesSoFar + 1, settings.maxRetries());
        executor.schedule(dispatchTask, wait, TimeUnit.MILLISECONDS);
        return true;
    }

    /** The wait before a retry: the initial one doubled per retry so far, capped, its second half at random. */
    long backoffMillis(int retriesSoFar) {
        long initial = Math.max(2, settings.initialBackoff().toMillis());
        long max = Math.max(initial, settings.maxBackoff().toMillis());
        long base = Math.min(max, initial << Math.min(retriesSoFar, 20));
        return base / 2 + ThreadLocalRandom.current().nextLong(base - base / 2 + 1);
    }

    /** Stops sending retries: a command whose retry is pending then fails with its last conflict. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
