package org.studysupport.api.query;

/** The stream position of the newest numbered queue change, kept or deleted since (0 when there was none). */
public record FindQueueHead() {
}
