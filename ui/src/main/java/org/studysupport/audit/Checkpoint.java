package org.studysupport.audit;

/**
 * A signed statement that the log's chain had the given head at the given position at a moment:
 * {@code signature} is a compact JWS (ES256) whose payload is the canonical JSON of
 * {@code {"at", "head", "position"}}, and whose header names the key and carries its public part.
 */
public record Checkpoint(long position, String head, String at, String keyId, String algorithm, String signature) {
}
