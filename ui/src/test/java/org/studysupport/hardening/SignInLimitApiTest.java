package org.studysupport.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.TestTokens;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.studysupport.hardening.HardeningAsserts.assertCleanProblem;
import static org.studysupport.hardening.HardeningAsserts.assertSecurityHeaders;

/**
 * Failed HTTP Basic sign-ins are limited per user name and per client address: once a bucket is
 * used up, sign-ins answer 429 with {@code Retry-After} without their password being checked, until
 * it refills. Successful sign-ins and bearer tokens take nothing from it. Its own application, with
 * small buckets that refill in seconds (3 failures per user, 6 per address, in 30 s) and both the
 * demo users and bearer tokens on. Client addresses come as {@code X-Forwarded-For} from the test,
 * a trusted (loopback) proxy, so that each test has addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignInLimitApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();
    private static final KeyPair TOKEN_KEYS = TestTokens.rsaKeys();
    private static final Path TOKEN_PUBLIC_KEY = TestTokens.publicKeyFile(TOKEN_KEYS);
    private static final int PER_USER = 3;
    private static final int PER_ADDRESS = 6;
    /** Long enough that a bucket gains no token while a test uses it up (one per 10 s, per 5 s). */
    private static final Duration PERIOD = Duration.ofSeconds(30);
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    private RawHttp http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TOKEN_PUBLIC_KEY.toUri().toString());
        registry.add("study-support.security.sign-in-limit.per-user", () -> PER_USER);
        registry.add("study-support.security.sign-in-limit.per-address", () -> PER_ADDRESS);
        registry.add("study-support.security.sign-in-limit.period", () -> PERIOD.toSeconds() + "s");
    }

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @Test
    void afterTooManyFailuresForAUserEvenTheRightPasswordWaits() {
        String address = newAddress();
        for (int i = 0; i < PER_USER; i++) {
            assertThat(signIn("investigator2", "wrong", address).status()).as("failure %d", i + 1).isEqualTo(401);
        }

        RawHttp.Answer wrong = signIn("investigator2", "wrong", address);
        RawHttp.Answer right = signIn("investigator2", "demo", address);
        RawHttp.Answer rightFromElsewhere = signIn("investigator2", "demo", newAddress());
        RawHttp.Answer otherCase = signIn("Investigator2", "wrong", newAddress());

        for (RawHttp.Answer refused : new RawHttp.Answer[]{wrong, right, rightFromElsewhere, otherCase}) {
            assertTooManySignIns(refused);
        }
        assertThat(signIn("investigator1", "demo", address).status())
                .as("another user from the same address").isEqualTo(200);
    }

    @Test
    void theBucketRefillsAndTheRightPasswordThenSignsIn() {
        String address = newAddress();
        for (int i = 0; i < PER_USER; i++) {
            signIn("auditor", "wrong", address);
        }
        RawHttp.Answer refused = signIn("auditor", "demo", address);
        assertTooManySignIns(refused);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, PERIOD.toSeconds() / PER_USER + 1);

        await().pollInterval(Duration.ofMillis(250))
                .atMost(Duration.ofSeconds(retryAfter + 2))
                .until(() -> signIn("auditor", "demo", address).status() == 200);
        assertThat(signIn("auditor", "wrong", address).status()).as("one token came back").isEqualTo(401);
        assertTooManySignIns(signIn("auditor", "demo", address));
    }

    @Test
    void afterTooManyFailuresFromAnAddressNobodySignsInFromThere() {
        String address = newAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(signIn("guess-" + i, "wrong", address).status()).isEqualTo(401);
        }

        assertTooManySignIns(signIn("coordinator", "demo", address));
        assertTooManySignIns(signIn("guess-new", "wrong", address));
        assertThat(signIn("coordinator", "demo", newAddress()).status()).as("from another address").isEqualTo(200);
    }

    @Test
    void successfulSignInsTakeNothing() {
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("ous-staff", "demo", address).status()).isEqualTo(200);
        }
        for (int i = 0; i < PER_USER; i++) {
            assertThat(signIn("ous-staff", "wrong", address).status()).as("failure %d", i + 1).isEqualTo(401);
        }
        assertTooManySignIns(signIn("ous-staff", "demo", address));
    }

    @Test
    void bearerTokensAreNotLimitedWhereBasicSignInsAre() {
        String address = newAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            signIn("guess-" + i, "wrong", address);
        }
        assertTooManySignIns(signIn("coordinator", "demo", address));

        RawHttp.Answer withToken = http.get(null, "/api/services", Map.of("Authorization", "Bearer "
                + token("kari.nordmann", "INVESTIGATOR"), "X-Forwarded-For", address));
        RawHttp.Answer badToken = http.get(null, "/api/services", Map.of("Authorization", "Bearer not-a-token",
                "X-Forwarded-For", address));

        assertThat(withToken.status()).isEqualTo(200);
        assertThat(badToken.status()).isEqualTo(401);
        for (int i = 0; i < PER_USER + 1; i++) {
            assertThat(http.get(null, "/api/services", Map.of("Authorization", "Bearer forged-" + i,
                    "X-Forwarded-For", newAddress())).status()).isEqualTo(401);
        }
    }

    private RawHttp.Answer signIn(String user, String password, String address) {
        return http.get(null, "/api/services", Map.of("Authorization", RawHttp.basic(user, password),
                "X-Forwarded-For", address));
    }

    private static void assertTooManySignIns(RawHttp.Answer answer) {
        JsonNode problem = assertCleanProblem(answer, 429);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/too-many-sign-ins");
        assertThat(answer.header("Retry-After")).as("Retry-After").isNotNull().matches("[1-9][0-9]*");
        assertThat(problem.path("detail").asText()).contains(answer.header("Retry-After") + " s");
        assertThat(answer.header("WWW-Authenticate")).isNull();
        assertSecurityHeaders(answer);
    }

    /** A client address no other test uses (TEST-NET-2). */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private static String token(String user, String role) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user)
                .claim("preferred_username", user)
                .claim("roles", role)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        return TestTokens.signed(TOKEN_KEYS, claims);
    }

}
