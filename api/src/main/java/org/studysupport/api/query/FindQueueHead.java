package org.studysupport.api.query;

/** The stream position of the newest numbered queue change (0 when there is none). */
public record FindQueueHead() {
}
