package org.studysupport.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.studysupport.config.SecretFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The installation's checkpoint signing key: an EC P-256 key (ES256) kept as a JWK file outside the
 * database, so that whoever can rewrite the database cannot sign. Read from the configured file, or
 * generated at the first start into the data directory (readable by its owner only, where the file
 * system allows) and read from there on later starts.
 */
public final class SigningKeys {

    static final String DEFAULT_FILE = "audit-signing-key.jwk";
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    /** The configured key, or the data directory's, generated there when missing. */
    public static ECKey load(Path configuredFile, Path dataDir, Clock clock) {
        if (configuredFile != null) {
            return read(configuredFile);
        }
        Path file = dataDir.resolve(DEFAULT_FILE);
        if (!Files.exists(file)) {
            generate(file, clock);
        }
        return read(file);
    }

    static ECKey read(Path file) {
        try {
            JWK key = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(key instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalStateException("The audit signing key " + file + " must be a private EC P-256 JWK");
            }
            return ec;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The audit signing key " + file + " is not a JWK", e);
        }
    }

    private static void generate(Path file, Clock clock) {
        String keyId = "study-support-" + KEY_DATE.format(clock.instant().atZone(ZoneOffset.UTC)) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
        if (SecretFiles.createOnce(file, key::toJSONString, "the audit signing key")) {
            log.info("Generated the audit signing key {} in {}", keyId, file);
        }
    }
}
