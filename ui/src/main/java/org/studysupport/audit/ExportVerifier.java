package org.studysupport.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import org.studysupport.query.audit.log.CanonicalEvent;
import org.studysupport.query.audit.log.ChainHash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The offline verifier, {@code java -jar study-support.jar verify-export FILE [--checkpoint FILE]
 * [--public-key FILE]}: checks a JSON Lines export of the audit log without the running system. It
 * reads the export line by line, recomputes each line's hash from its fields, checks that each line
 * follows the one before it in the chain, and, given a checkpoint, checks its signature and that the
 * export reaches the checkpoint's head through an unbroken chain from the first event.
 * Exit code 0 verified, 1 not verified, 2 wrong usage.
 */
public final class ExportVerifier {

    public static final String COMMAND = "verify-export";
    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;
    private static final int LISTED = 10;
    private static final String USAGE_TEXT = "usage: java -jar study-support.jar " + COMMAND
            + " EXPORT.ndjson [--checkpoint CHECKPOINT.json] [--public-key PUBLIC-KEY.jwk]";

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private final List<String> unlinked = new ArrayList<>();
    private long unlinkedCount;

    private ExportVerifier(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the verifier on the arguments after the command name; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        Path export = null;
        Path checkpoint = null;
        Path publicKey = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--checkpoint") || arg.equals("--public-key")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]);
                if (arg.equals("--checkpoint")) {
                    checkpoint = value;
                } else {
                    publicKey = value;
                }
            } else if (!arg.startsWith("--") && export == null) {
                export = Path.of(arg);
            } else {
                out.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (export == null || (publicKey != null && checkpoint == null)) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        for (Path file : Arrays.asList(export, checkpoint, publicKey)) {
            if (file != null && !Files.isReadable(file)) {
                out.println("Cannot read " + file);
                out.println(USAGE_TEXT);
                return USAGE;
            }
        }
        return new ExportVerifier(out).verify(export, checkpoint, publicKey);
    }

    private int verify(Path export, Path checkpointFile, Path publicKeyFile) {
        out.println("Export: " + export);
        SignedHead checkpoint = checkpointFile == null ? null : checkpoint(checkpointFile, publicKeyFile);
        Walk walk = new Walk(checkpoint);
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank()) {
                    walk.line(number, line);
                }
            }
        } catch (IOException e) {
            failures.add("the export cannot be read: " + e.getMessage());
        }
        report(walk, checkpoint);
        boolean verified = failures.isEmpty();
        out.println(verified ? "Result: VERIFIED" : "Result: NOT VERIFIED");
        return verified ? VERIFIED : NOT_VERIFIED;
    }

    private void report(Walk walk, SignedHead checkpoint) {
        out.println("Lines: " + walk.events + (walk.events == 0 ? "" : " (positions " + walk.firstPosition
                + " to " + walk.lastPosition + ")"));
        if (walk.events > 0) {
            out.println(walk.fromGenesis ? "Chain: starts at the first event of the log (genesis)"
                    : "Chain: does not start at the first event of the log (a filtered or partial export)");
        }
        if (unlinkedCount == 0 && walk.events > 0) {
            out.println("Links: every line follows the line before it");
        } else if (unlinkedCount > 0) {
            out.println("Links: " + unlinkedCount + " line(s) do not follow the line before them (lines left out"
                    + " by a filter, or removed); continuity is not proven there:");
            unlinked.forEach(entry -> out.println("  " + entry));
            if (unlinkedCount > unlinked.size()) {
                out.println("  ... and " + (unlinkedCount - unlinked.size()) + " more");
            }
        }
        if (checkpoint != null && checkpoint.valid()) {
            if (checkpoint.position() == 0 && ChainHash.GENESIS.equals(checkpoint.head())) {
                out.println("Checkpoint: taken of an empty log; any export extends it");
            } else if (!walk.checkpointFound) {
                failures.add("the export has no line at the checkpoint's position " + checkpoint.position());
            } else if (!walk.checkpointMatches) {
                failures.add("the line at the checkpoint's position " + checkpoint.position()
                        + " has another hash than the checkpoint's head");
            } else if (!walk.chainIntactToCheckpoint) {
                failures.add("the chain from the first event to the checkpoint's position "
                        + checkpoint.position() + " is not complete in this export");
            } else {
                out.println("Checkpoint: the export reaches the signed head through an unbroken chain from the"
                        + " first event");
            }
        }
        if (failures.isEmpty()) {
            out.println("Hashes: every line's recomputed hash matches");
        } else {
            out.println("Failures:");
            failures.forEach(failure -> out.println("  " + failure));
        }
    }

    /** A checkpoint as read and checked: null position when it could not be read. */
    private record SignedHead(long position, String head, boolean valid) {
    }

    private SignedHead checkpoint(Path file, Path publicKeyFile) {
        try {
            JsonNode checkpoint = CanonicalEvent.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            JWSObject jws = JWSObject.parse(checkpoint.path("signature").asText());
            ECKey key;
            if (publicKeyFile != null) {
                key = JWK.parse(Files.readString(publicKeyFile, StandardCharsets.UTF_8)).toECKey();
            } else {
                key = jws.getHeader().getJWK() == null ? null : jws.getHeader().getJWK().toECKey();
                out.println("Checkpoint key: taken from the checkpoint itself; it was not independently supplied"
                        + " (give --public-key to check against the installation's published key)");
            }
            if (key == null || !jws.verify(new ECDSAVerifier(key.toPublicJWK()))) {
                failures.add("the checkpoint's signature does not verify with "
                        + (publicKeyFile != null ? "the given public key " + publicKeyFile : "its key"));
                return new SignedHead(-1, null, false);
            }
            JsonNode signed = CanonicalEvent.mapper().readTree(jws.getPayload().toBytes());
            long position = signed.path("position").asLong();
            String head = signed.path("head").asText();
            String at = signed.path("at").asText();
            if (checkpoint.path("position").asLong() != position || !head.equals(checkpoint.path("head").asText())
                    || !at.equals(checkpoint.path("at").asText())) {
                failures.add("the checkpoint's fields differ from what its signature covers");
                return new SignedHead(-1, null, false);
            }
            out.println("Checkpoint: position " + position + ", head " + head + ", at " + at + ", key "
                    + key.getKeyID() + ": signature valid" + (publicKeyFile != null ? " (key supplied with"
                    + " --public-key)" : ""));
            return new SignedHead(position, head, true);
        } catch (IOException | ParseException | JOSEException | IllegalStateException e) {
            failures.add("the checkpoint cannot be read: " + e.getMessage());
            return new SignedHead(-1, null, false);
        }
    }

    /** The walk along the export's lines. */
    private final class Walk {
        private final SignedHead checkpoint;
        private long events;
        private long firstPosition;
        private long lastPosition;
        private String previousHash;
        private boolean fromGenesis;
        private boolean intact = true;
        private boolean checkpointFound;
        private boolean checkpointMatches;
        private boolean chainIntactToCheckpoint;

        Walk(SignedHead checkpoint) {
            this.checkpoint = checkpoint;
        }

        void line(long number, String text) {
            JsonNode line;
            try {
                line = CanonicalEvent.mapper().readTree(text);
            } catch (IOException e) {
                fail("line " + number + " is not JSON");
                return;
            }
            if (!line.isObject() || !line.path("position").canConvertToLong() || !line.path("sequence").canConvertToLong()) {
                fail("line " + number + " is not a line of an audit log export");
                return;
            }
            long position = line.path("position").asLong();
            String hash = text(line, "hash");
            String previous = text(line, "previousHash");
            if (events > 0 && position <= lastPosition) {
                fail("line " + number + " (position " + position + ") is out of order");
            }
            events++;
            if (events == 1) {
                firstPosition = position;
                fromGenesis = ChainHash.GENESIS.equals(previous);
            }
            if (hash == null || previous == null) {
                fail("line " + number + " (position " + position + ") has no chain link: it was stored without"
                        + " the application");
            } else {
                byte[] canonical = CanonicalEvent.of(text(line, "eventId"), text(line, "requestId"),
                        line.path("sequence").asLong(), text(line, "payloadType"), text(line, "revision"),
                        text(line, "occurredAt"), line.get("data"), line.get("metadata"));
                if (!ChainHash.next(previous, canonical).equals(hash)) {
                    fail("line " + number + " (position " + position + ", event " + text(line, "eventId")
                            + ") ALTERED: its recomputed hash differs from its hash");
                }
                boolean follows = events == 1 ? fromGenesis : previous.equals(previousHash);
                if (!follows) {
                    intact = false;
                    unlinkedCount++;
                    if (unlinked.size() < LISTED) {
                        unlinked.add("line " + number + " (position " + position + ")");
                    }
                }
            }
            if (checkpoint != null && checkpoint.valid() && position == checkpoint.position()) {
                checkpointFound = true;
                checkpointMatches = checkpoint.head().equals(hash);
                chainIntactToCheckpoint = intact && fromGenesis && failures.isEmpty();
            }
            previousHash = hash;
            lastPosition = position;
        }

        private void fail(String failure) {
            intact = false;
            failures.add(failure);
        }
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
