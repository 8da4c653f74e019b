package org.studysupport.api.query;

import java.time.Instant;

/**
 * The triage queue exactly as it stood at a past moment: the requests that waited for a
 * coordinator then, as they were then, in the order they stood in.
 */
public record FindTriageQueueAsOf(Instant asOf, int page, int size) {
}
