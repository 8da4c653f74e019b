package org.studysupport.api.query;

import java.util.UUID;

/**
 * How far the read model has come with a request: the version of its latest projected event, or -1.
 * Subscribed to by whoever waits for the read model to show their own change.
 */
public record FindRequestVersion(UUID requestId) {
}
