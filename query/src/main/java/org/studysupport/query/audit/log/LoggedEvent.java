package org.studysupport.query.audit.log;

/**
 * An event of the audit log as exported: the stored row, who acted and why (from its metadata), and
 * its chain link (null hashes when the event has none).
 */
public record LoggedEvent(StoredEvent event, String actorId, String actorRole, String reason, String previousHash,
                          String hash) {
}
