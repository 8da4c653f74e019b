package org.studysupport.api.query;

/** The position of the newest queue change (0 when there is none). */
public record FindQueueHead() {
}
