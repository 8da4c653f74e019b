package org.studysupport.api.privacy;

/** How many requests the subject submitted: their contacts are what an erasure of the subject makes unreadable. */
public record CountSubjectRequests(String subject) {
}
