package org.studysupport.notification;

/**
 * Where a message of the outbox stands: PENDING until an attempt delivers it (DELIVERED), or its
 * attempts gave up 24 hours after the first (FAILED), or it may not be sent at all (DROPPED: its
 * recipient was erased, its endpoint removed, its address no longer configured). An administrator
 * may send a FAILED, DROPPED or DELIVERED webhook message again: it is then PENDING once more.
 */
public enum MessageStatus {
    PENDING, DELIVERED, FAILED, DROPPED
}
