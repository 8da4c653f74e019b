package org.studysupport.query.audit.log;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical form that every chain link hashes, pinned byte for byte: an offline verifier of a
 * later version must compute the same bytes for an export made today.
 */
class CanonicalEventTest {

    private static final String PAYLOAD = "{\"b\": 1, \"a\": {\"d\": 1.50, \"c\": [true, null, \"\\u00e6\"]},"
            + " \"big\": 12345678901234567890123, \"e\": 1E+2}";
    private static final String METADATA = "{\"userId\":\"coordinator\",\"role\":\"COORDINATOR\"}";
    private static final StoredEvent EVENT = new StoredEvent(7, "e-1", "r-1", 3, "org.example.Thing", null,
            "2026-01-01T10:00:00.000Z", PAYLOAD.getBytes(StandardCharsets.UTF_8),
            METADATA.getBytes(StandardCharsets.UTF_8));

    @Test
    void anEventIsCompactJsonWithSortedKeysAndExactNumbers() {
        assertThat(new String(CanonicalEvent.of(EVENT), StandardCharsets.UTF_8)).isEqualTo(
                "{\"aggregateId\":\"r-1\",\"eventId\":\"e-1\","
                        + "\"metadata\":{\"role\":\"COORDINATOR\",\"userId\":\"coordinator\"},"
                        + "\"payload\":{\"a\":{\"c\":[true,null,\"æ\"],\"d\":1.50},\"b\":1,"
                        + "\"big\":12345678901234567890123,\"e\":1E+2},"
                        + "\"payloadRevision\":null,\"payloadType\":\"org.example.Thing\",\"sequence\":3,"
                        + "\"timestamp\":\"2026-01-01T10:00:00.000Z\"}");
    }

    @Test
    void theSameEventGivesTheSameBytesFromTheStoreAndFromAnExportLine() {
        byte[] fromLine = CanonicalEvent.of("e-1", "r-1", 3, "org.example.Thing", null, "2026-01-01T10:00:00.000Z",
                CanonicalEvent.parse(PAYLOAD), CanonicalEvent.parse(METADATA));

        assertThat(fromLine).isEqualTo(CanonicalEvent.of(EVENT));
    }

    @Test
    void aLinkIsTheSha256OfThePreviousHashAndTheCanonicalEvent() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("0".repeat(64).getBytes(StandardCharsets.US_ASCII));
        sha256.update(CanonicalEvent.of(EVENT));

        assertThat(ChainHash.of(ChainHash.GENESIS, EVENT)).isEqualTo(HexFormat.of().formatHex(sha256.digest()));
        assertThat(ChainHash.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void storedBytesThatAreNotJsonHashAsTheirText() {
        StoredEvent edited = new StoredEvent(7, "e-1", "r-1", 3, "org.example.Thing", null,
                "2026-01-01T10:00:00.000Z", "not json".getBytes(StandardCharsets.UTF_8), null);

        assertThat(new String(CanonicalEvent.of(edited), StandardCharsets.UTF_8))
                .contains("\"metadata\":null,\"payload\":\"not json\"");
        assertThat(ChainHash.of(ChainHash.GENESIS, edited)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, EVENT));
    }
}
