package org.studysupport.query.audit.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The links of the audit chain: {@code hash = hex(SHA-256(previous hash as ASCII hex || canonical
 * event))}, the first event's previous hash being 64 zeros.
 */
public final class ChainHash {

    /** The previous hash of the first event of the log. */
    public static final String GENESIS = "0".repeat(64);

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");

    private ChainHash() {
    }

    public static String next(String previousHash, byte[] canonicalEvent) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonicalEvent);
        return HexFormat.of().formatHex(sha256.digest());
    }

    public static String of(String previousHash, StoredEvent event) {
        return next(previousHash, CanonicalEvent.of(event));
    }

    /** Whether the text is a hash as the chain writes them: 64 lower-case hex digits. */
    public static boolean isHash(String text) {
        return text != null && HEX_HASH.matcher(text).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always offers SHA-256", e);
        }
    }
}
