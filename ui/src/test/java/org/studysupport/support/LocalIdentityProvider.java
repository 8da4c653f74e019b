package org.studysupport.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stand-in identity provider on localhost for the bearer token tests: it makes its own signing
 * key, serves its OpenID metadata and key set over HTTP (JDK {@link HttpServer}), answers 500 to
 * everything while told to fail, and issues tokens. It may be created before it listens, so that a
 * test can start the application against an issuer that cannot be reached yet.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    public static final String AUDIENCE = "study-support";
    private static final String REALM = "/realms/study-support";

    private final int port;
    private final RSAKey signingKey = rsaKey("provider-key");
    private final AtomicInteger metadataRequests = new AtomicInteger();
    private final AtomicInteger keySetRequests = new AtomicInteger();
    private volatile boolean failing;
    private HttpServer server;

    private LocalIdentityProvider(int port) {
        this.port = port;
    }

    /** On a port that is free now, not listening yet: {@link #listen()} starts it. */
    public static LocalIdentityProvider notListening() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return new LocalIdentityProvider(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listening on a free port. */
    public static LocalIdentityProvider started() {
        return notListening().listen();
    }

    public synchronized LocalIdentityProvider listen() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(REALM + "/.well-known/openid-configuration", this::metadata);
        server.createContext(REALM + "/certs", this::keySet);
        server.start();
        return this;
    }

    /** While failing, every request is answered 500. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    public int metadataRequests() {
        return metadataRequests.get();
    }

    public int keySetRequests() {
        return keySetRequests.get();
    }

    /** Where the key set is served. */
    public String keySet() {
        return url(REALM + "/certs");
    }

    public String issuer() {
        return url(REALM);
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A token of this provider, valid for five minutes, for the given user and role, changed as the test says. */
    public String token(String user, Object roles, String hospital, Consumer<JWTClaimsSet.Builder> change) {
        return sign(signingKey, claims(user, roles, hospital, change));
    }

    public String token(String user, Object roles, String hospital) {
        return token(user, roles, hospital, claims -> {
        });
    }

    /** The same claims, signed by a key the provider does not have, under the provider's key id. */
    public String forgedToken(String user, Object roles) {
        RSAKey stranger = rsaKey(signingKey.getKeyID());
        return sign(stranger, claims(user, roles, null, claims -> {
        }));
    }

    /** Signed properly by a key of its own that the provider's key set does not list. */
    public String tokenOfAnUnknownKey(String user, Object roles) {
        return sign(rsaKey("unknown-key-" + System.nanoTime()), claims(user, roles, null, claims -> {
        }));
    }

    /** The same claims without any signature ({@code "alg": "none"}). */
    public String unsignedToken(String user, Object roles) {
        return new PlainJWT(claims(user, roles, null, claims -> {
        })).serialize();
    }

    private JWTClaimsSet claims(String user, Object roles, String hospital, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(List.of(AUDIENCE, "account"))
                .subject("subject-" + user)
                .claim("preferred_username", user)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
        if (roles != null) {
            claims.claim("roles", roles);
        }
        if (hospital != null) {
            claims.claim("hospital", hospital);
        }
        change.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private void metadata(HttpExchange exchange) throws IOException {
        metadataRequests.incrementAndGet();
        answer(exchange, """
                {"issuer": "%s",
                 "authorization_endpoint": "%s",
                 "token_endpoint": "%s",
                 "jwks_uri": "%s",
                 "response_types_supported": ["code"],
                 "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(issuer(), url(REALM + "/auth"), url(REALM + "/token"), keySet()));
    }

    private void keySet(HttpExchange exchange) throws IOException {
        keySetRequests.incrementAndGet();
        answer(exchange, new JWKSet(signingKey.toPublicJWK()).toString());
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = failing ? "{\"error\": \"down for maintenance\"}".getBytes(StandardCharsets.UTF_8)
                : json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(failing ? 500 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
