package org.studysupport.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens as an identity provider would issue them: RS256, signed with a key pair made for
 * this run, whose public key the application is given as a PEM file. One token per user, reused.
 */
final class Tokens {

    private static final Duration LIFETIME = Duration.ofHours(6);

    private final KeyPair keys;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    Tokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public key as a PEM file for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    Path writePublicKey(Path directory) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded());
        Path file = directory.resolve("bench-public-key.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    String investigator(String userId) {
        return token(userId, "INVESTIGATOR", null);
    }

    String coordinator() {
        return token("coordinator", "COORDINATOR", null);
    }

    /** Staff of a hospital: user {@code <code>-staff}, with the hospital claim. */
    String hospital(String code) {
        return token(code.toLowerCase(Locale.ROOT) + "-staff", "HOSPITAL", code);
    }

    String admin() {
        return token("admin", "ADMIN", null);
    }

    String auditor() {
        return token("auditor", "AUDITOR", null);
    }

    private String token(String user, String role, String hospital) {
        return issued.computeIfAbsent(user + "/" + role + "/" + hospital, key -> sign(user, role, hospital));
    }

    private String sign(String user, String role, String hospital) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user)
                .claim("preferred_username", user)
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
        if (hospital != null) {
            claims.claim("hospital", hospital);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
