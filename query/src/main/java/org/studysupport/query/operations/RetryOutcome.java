package org.studysupport.query.operations;

import org.studysupport.api.Nullable;
/**
 * What retrying a dead letter did.
 *
 * @param id        the dead letter asked for
 * @param retried   whether every letter of its sequence was handled and removed (false when one failed
 *                  again: the letters from that one on stay, with its new cause)
 * @param remaining the letters of that sequence still parked
 * @param cause     when some remain, why the first of them failed (again); otherwise null
 */
public record RetryOutcome(String id, boolean retried, long remaining, @Nullable DeadLetterView.Cause cause) {
}
