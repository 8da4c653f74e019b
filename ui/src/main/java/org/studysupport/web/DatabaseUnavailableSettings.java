package org.studysupport.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a request is answered while the database is out of reach (see {@link DatabaseUnavailable}).
 *
 * @param retryAfter the {@code Retry-After} of the 503 answer: when a client should try again
 */
@ConfigurationProperties("study-support.database-unavailable")
public record DatabaseUnavailableSettings(@DefaultValue("5s") Duration retryAfter) {
}
