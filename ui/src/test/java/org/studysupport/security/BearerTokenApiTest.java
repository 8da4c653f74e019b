package org.studysupport.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.TestTokens;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production way in: bearer tokens (JWT) verified against a configured public key, mapped to
 * user, role and hospital; the demo users are off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class BearerTokenApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();
    private static final KeyPair TRUSTED = TestTokens.rsaKeys();
    private static final KeyPair STRANGER = TestTokens.rsaKeys();
    private static final Path PUBLIC_KEY = TestTokens.publicKeyFile(TRUSTED);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> PUBLIC_KEY.toUri().toString());
        registry.add("study-support.security.demo-users", () -> "false");
        registry.add("study-support.demo-data.enabled", () -> "false");
    }

    @Test
    void investigatorWithATokenSubmitsAsTheUserTheTokenNames() {
        Api.Answer submitted = Api.anonymous(port).post("/api/requests", Api.submission("Token study", "MONITORING"),
                bearer(token(TRUSTED, "kari.nordmann", List.of("INVESTIGATOR"), null, 300)));

        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.text("investigatorId")).isEqualTo("kari.nordmann");
    }

    @Test
    void hospitalStaffTokenIsScopedToItsHospital() {
        String ous = token(TRUSTED, "ola@ous", List.of("HOSPITAL"), "OUS", 300);

        assertThat(Api.anonymous(port).get("/api/queues/hospitals/OUS", bearer(ous)).status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/api/queues/hospitals/HUS", bearer(ous)).status()).isEqualTo(403);
    }

    @Test
    void coordinatorRoleMayAlsoComeAsASingleString() {
        String coordinator = token(TRUSTED, "coordinator.x", "COORDINATOR", 300);

        assertThat(Api.anonymous(port).get("/api/queues/triage", bearer(coordinator)).status()).isEqualTo(200);
    }

    @Test
    void tokensThatAreForgedOrExpiredAreRefusedAsUnauthenticated() {
        Api.Answer forged = Api.anonymous(port).get("/api/requests",
                bearer(token(STRANGER, "mallory", List.of("COORDINATOR"), null, 300)));
        Api.Answer expired = Api.anonymous(port).get("/api/requests",
                bearer(token(TRUSTED, "late", List.of("COORDINATOR"), null, -60)));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.headers().getContentType()).hasToString("application/problem+json");
        assertThat(expired.status()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutAKnownRoleMayNotDoAnything() {
        String nobody = token(TRUSTED, "nobody", List.of("VISITOR"), null, 300);

        assertThat(Api.anonymous(port).get("/api/requests", bearer(nobody)).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).post("/api/requests", Api.submission("No role", "MONITORING"), bearer(nobody))
                .status()).isEqualTo(403);
    }

    @Test
    void aTokenWithSeveralRolesIsNotGuessedAt() {
        String twoRoles = token(TRUSTED, "both", List.of("INVESTIGATOR", "COORDINATOR"), null, 300);

        assertThat(Api.anonymous(port).get("/api/requests", bearer(twoRoles)).status()).isEqualTo(403);
    }

    @Test
    void demoUsersCannotSignInWhenSwitchedOff() {
        assertThat(Api.at(port, "coordinator").get("/api/requests").status()).isEqualTo(401);
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private static String token(KeyPair keys, String user, Object roles, String hospital, long validSeconds) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("subject-" + user)
                .claim("preferred_username", user)
                .claim("roles", roles)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(validSeconds)));
        if (hospital != null) {
            claims.claim("hospital", hospital);
        }
        return TestTokens.signed(keys, claims.build());
    }

    private static String token(KeyPair keys, String user, String role, long validSeconds) {
        return token(keys, user, (Object) role, null, validSeconds);
    }

}
