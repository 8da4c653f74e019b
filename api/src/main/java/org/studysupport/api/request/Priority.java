package org.studysupport.api.request;

/** Set by the coordinator who accepts a request; ordered from least to most pressing. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
