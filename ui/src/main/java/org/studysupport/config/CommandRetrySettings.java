package org.studysupport.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a command that lost an optimistic-concurrency race (another node stored a change to the same
 * request first) is sent again, under {@code study-support.command-retry.*}.
 *
 * @param maxRetries     how many times a command is sent again at most before the conflict is answered
 * @param initialBackoff the wait before the first retry; it doubles with each further retry
 * @param maxBackoff     the longest wait between two retries
 * @param threads        the threads that send retried commands (each runs the command, as the caller's
 *                       thread did, while the caller waits for its answer)
 */
@ConfigurationProperties("study-support.command-retry")
public record CommandRetrySettings(
        @DefaultValue("10") int maxRetries,
        @DefaultValue("10ms") Duration initialBackoff,
        @DefaultValue("500ms") Duration maxBackoff,
        @DefaultValue("4") int threads) {
}
