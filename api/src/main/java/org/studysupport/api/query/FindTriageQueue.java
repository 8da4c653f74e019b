package org.studysupport.api.query;

/** The requests waiting for a coordinator, earliest due first. */
public record FindTriageQueue(int page, int size) {
}
