package org.studysupport.api.query;

/**
 * The queue changes after the given stream position, in stream order, at most {@code limit} of them.
 * A stream position is a change's commit sequence: changes are numbered in the order their
 * transactions made them visible, so "every change up to a position" has no holes.
 */
public record FindQueueChanges(long afterPosition, int limit) {
}
