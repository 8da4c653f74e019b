package org.studysupport.api.query;

/** The queue changes after the given feed position, oldest first, at most {@code limit} of them. */
public record FindQueueChanges(long afterPosition, int limit) {
}
