package org.studysupport.query.audit.log;

import org.studysupport.api.Nullable;

import java.time.Instant;

/**
 * The answer of a check of the stored log against its chain.
 *
 * @param verified     whether every event has its link, every link its event, every recomputed
 *                     hash its stored value and (when asked) the anchor was found
 * @param events       how many stored events were read
 * @param head         the hash of the last link
 * @param headPosition the position of the last link, null when there is none
 * @param unchained    events without a link after the last link (none in this design)
 * @param checkedAt    when the check ran
 * @param failure      the first failure, null when verified
 */
public record ChainVerification(boolean verified, long events, String head, @Nullable Long headPosition,
                                long unchained, Instant checkedAt, @Nullable Failure failure) {

    /** What can be wrong with the stored log. */
    public enum Problem {
        /** an event's recomputed hash differs from its link: the stored event was changed */
        ALTERED,
        /** a link without its event, or a link that does not follow the previous one: events removed */
        REMOVED,
        /** an event without a link: stored without the application */
        INSERTED,
        /** a link that names another event than the one at its position */
        BROKEN_LINK,
        /** the log has no link with the anchor's hash at the anchor's position */
        ANCHOR_MISMATCH
    }

    /**
     * The first event (or link) that fails, and why, in a sentence. {@code eventId} is null where no
     * event is at the position: a removed event, or an anchor the log does not hold.
     */
    public record Failure(long position, @Nullable String eventId, Problem problem, String detail) {
    }

    /** A head an auditor was given earlier: the log must still contain it. */
    public record Anchor(long position, String hash) {
    }
}
