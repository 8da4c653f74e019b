package org.studysupport.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studysupport.api.problem.ActionNotAllowedException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are sent again, how often and after how long. */
class ConflictRetrySchedulerTest {

    private static final CommandRetrySettings SETTINGS = new CommandRetrySettings(3, Duration.ofMillis(10),
            Duration.ofMillis(40), 1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConflictRetryScheduler scheduler = new ConflictRetryScheduler(SETTINGS, meters);

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void aLostRaceIsSentAgainEvenWithTheDatabasesExceptionAsItsCause() throws InterruptedException {
        CountDownLatch sent = new CountDownLatch(1);
        RuntimeException conflict = new ConcurrencyException("sequence 3 taken",
                new RuntimeException(new SQLException("duplicate key", "23505")));

        assertThat(scheduler.scheduleRetry(command(), conflict, failures(1), sent::countDown)).isTrue();

        assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(meters.counter("study_support.commands.conflict_retries").count()).isEqualTo(1);
    }

    @Test
    void aConflictWrappedByTheTransactionIsSentAgain() {
        RuntimeException wrapped = new IllegalStateException("commit failed", new ConcurrencyException("taken"));

        assertThat(scheduler.scheduleRetry(command(), wrapped, failures(1), () -> { })).isTrue();
    }

    @Test
    void aRefusalOfTheDomainIsFinalAtOnce() {
        RuntimeException refused = new ActionNotAllowedException("Only a submitted request can be accepted.");

        assertThat(scheduler.scheduleRetry(command(), refused, failures(1), () -> { })).isFalse();
        assertThat(meters.counter("study_support.commands.conflict_retries").count()).isZero();
    }

    @Test
    void afterTheLastRetryTheConflictIsAnswered() {
        RuntimeException conflict = new ConcurrencyException("taken");

        assertThat(scheduler.scheduleRetry(command(), conflict, failures(3), () -> { })).as("third retry").isTrue();
        assertThat(scheduler.scheduleRetry(command(), conflict, failures(4), () -> { })).as("a fourth").isFalse();
        assertThat(meters.counter("study_support.commands.conflicts_answered").count()).isEqualTo(1);
    }

    @Test
    void theWaitDoublesUpToTheMaximumWithItsSecondHalfAtRandom() {
        for (int i = 0; i < 100; i++) {
            assertThat(scheduler.backoffMillis(0)).isBetween(5L, 10L);
            assertThat(scheduler.backoffMillis(1)).isBetween(10L, 20L);
            assertThat(scheduler.backoffMillis(2)).isBetween(20L, 40L);
            assertThat(scheduler.backoffMillis(8)).isBetween(20L, 40L);
        }
    }

    private static GenericCommandMessage<String> command() {
        return new GenericCommandMessage<>("AddComment");
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
