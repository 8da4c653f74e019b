package org.studysupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.LocalIdentityProvider;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.studysupport.support.ProblemAssert.assertProblem;

/**
 * An identity provider out of reach: first nothing listens on its port, then it answers 500, then it
 * serves its metadata and keys again. Meanwhile every request with a token is a 503 problem with
 * {@code Retry-After} (a malformed token is still a 401), health shows the issuer DOWN with the
 * reason, the outage is logged once, and the application recovers by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class UnreachableTokenIssuerApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();
    private static final LocalIdentityProvider PROVIDER = LocalIdentityProvider.notListening();
    private static final Pattern OUTAGE_LOGGED = Pattern.compile("Token issuer \\S+ cannot be reached");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("study-support.data-dir", EmbeddedDatabase::dataDirectory);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> LocalIdentityProvider.AUDIENCE);
        registry.add("study-support.security.jwt.issuer-timeout", () -> "1s");
        registry.add("study-support.security.jwt.issuer-retry", () -> "1s");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void anIssuerOutOfReachIsA503UntilItIsBackAndThenTokensWorkAgain(CapturedOutput output) {
        String coordinator = PROVIDER.token("coordinator.x", List.of("COORDINATOR"), null);

        // nothing listens on the issuer's port
        for (int i = 0; i < 3; i++) {
            assertUnavailable(api().get("/api/requests", bearer(coordinator)));
        }
        assertProblem(api().get("/api/requests", bearer("xyz")), 401);
        JsonNode down = issuerHealth(503);
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(down.path("details").path("reason").asText())
                .contains(PROVIDER.issuer() + "/.well-known/openid-configuration");
        assertThat(down.path("details").path("since").asText()).isNotBlank();

        // it listens, but fails; asked again once the retry interval has passed
        PROVIDER.failing(true);
        PROVIDER.listen();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertUnavailable(api().get("/api/requests", bearer(coordinator)));
            return PROVIDER.metadataRequests() > 0;
        });
        assertThat(issuerHealth(503).path("details").path("reason").asText()).contains("500");

        // it is back: no restart needed
        PROVIDER.failing(false);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api().get("/api/requests", bearer(coordinator)).status() == 200);
        assertThat(issuerHealth(200).path("status").asText()).isEqualTo("UP");

        assertThat(count(OUTAGE_LOGGED, output.getAll())).as("outage warnings in the log").isEqualTo(1);
        assertThat(output.getAll()).contains("is reachable again")
                .doesNotContain("JwtDecoderInitializationException")
                .doesNotContain("at org.studysupport.security.TokenIssuer");
    }

    private static void assertUnavailable(Api.Answer answer) {
        JsonNode problem = assertProblem(answer, 503);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/identity-provider-unavailable");
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    private JsonNode issuerHealth(int expectedStatus) {
        Api.Answer health = api().get("/actuator/health");
        assertThat(health.status()).as("%s", health.body()).isEqualTo(expectedStatus);
        return health.body().path("components").path("tokenIssuer");
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private Api api() {
        return Api.anonymous(port);
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
