package org.studysupport.api.privacy;

import java.time.Instant;
import java.util.List;

/** What an erasure did: the keys it destroyed, and when (UTC). */
public record ErasureOutcome(List<String> destroyedKeyIds, Instant erasedAt) {

    public ErasureOutcome {
        destroyedKeyIds = List.copyOf(destroyedKeyIds);
    }
}
