package org.studysupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.LocalIdentityProvider;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.support.ProblemAssert.assertProblem;

/**
 * The application as production runs it (profile {@code prod}): bearer tokens from an identity
 * provider (a local one, which serves its OpenID metadata and key set), checked for signature,
 * lifetime, issuer and audience; the demo users gone; the web pages signing in with OpenID Connect
 * through a client registration whose endpoints are given explicitly (nothing is fetched for it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProductionModeApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();
    private static final LocalIdentityProvider PROVIDER = LocalIdentityProvider.started();
    private static final String REGISTRATION = "spring.security.oauth2.client.registration.hospital-login.";
    private static final String PROVIDER_SETTINGS = "spring.security.oauth2.client.provider.hospital-login.";

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
        registry.add("management.endpoint.health.show-details", () -> "always");
        registry.add(REGISTRATION + "client-id", () -> "study-support-pages");
        registry.add(REGISTRATION + "client-secret", () -> "pages-secret");
        registry.add(REGISTRATION + "authorization-grant-type", () -> "authorization_code");
        registry.add(REGISTRATION + "scope", () -> "openid,profile");
        registry.add(REGISTRATION + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(PROVIDER_SETTINGS + "authorization-uri", () -> PROVIDER.url("/realms/study-support/auth"));
        registry.add(PROVIDER_SETTINGS + "token-uri", () -> PROVIDER.url("/realms/study-support/token"));
        registry.add(PROVIDER_SETTINGS + "jwk-set-uri", () -> PROVIDER.url("/realms/study-support/certs"));
        registry.add(PROVIDER_SETTINGS + "user-name-attribute", () -> "preferred_username");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aGoodTokenSignsInAsTheUserItNames() {
        Api.Answer submitted = api().post("/api/requests", Api.submission("Production study", "MONITORING"),
                bearer(PROVIDER.token("kari.nordmann", List.of("INVESTIGATOR"), null)));

        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(201);
        assertThat(submitted.text("investigatorId")).isEqualTo("kari.nordmann");
    }

    @Test
    void aHospitalTokenSeesOnlyItsOwnHospitalsQueue() {
        String ous = PROVIDER.token("ola@ous", List.of("HOSPITAL"), "OUS");

        assertThat(api().get("/api/queues/hospitals/OUS", bearer(ous)).status()).isEqualTo(200);
        assertProblem(api().get("/api/queues/hospitals/HUS", bearer(ous)), 403);
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertTokenRefused(PROVIDER.token("late", "COORDINATOR", null, claims -> claims
                .issueTime(Date.from(Instant.now().minusSeconds(900)))
                .expirationTime(Date.from(Instant.now().minusSeconds(300)))));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        assertTokenRefused(PROVIDER.token("early", "COORDINATOR", null, claims -> claims
                .notBeforeTime(Date.from(Instant.now().plusSeconds(300)))
                .expirationTime(Date.from(Instant.now().plusSeconds(900)))));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertTokenRefused(PROVIDER.token("elsewhere", "COORDINATOR", null,
                claims -> claims.issuer("https://login.example.org/realms/other")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertTokenRefused(PROVIDER.token("other-app", "COORDINATOR", null,
                claims -> claims.audience("another-application")));
        assertTokenRefused(PROVIDER.token("no-audience", "COORDINATOR", null, claims -> claims.audience(List.of())));
    }

    @Test
    void aTokenWithABadSignatureIsRefused() {
        assertTokenRefused(PROVIDER.forgedToken("mallory", "COORDINATOR"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertTokenRefused(PROVIDER.unsignedToken("mallory", "COORDINATOR"));
    }

    @Test
    void tokensOfKeysTheProviderDoesNotListAreRefusedNotTakenForAnOutage() {
        for (int i = 0; i < 3; i++) {
            assertTokenRefused(PROVIDER.tokenOfAnUnknownKey("mallory", "COORDINATOR"));
        }
        assertTokenRefused("xyz");
    }

    @Test
    void aTokenWithoutARoleOrWithAnUnknownOneMayNotDoAnything() {
        String noRole = PROVIDER.token("nobody", null, null);
        String unknownRole = PROVIDER.token("visitor", List.of("VISITOR"), null);

        assertProblem(api().get("/api/requests", bearer(noRole)), 403);
        assertProblem(api().post("/api/requests", Api.submission("No role", "MONITORING"), bearer(noRole)), 403);
        assertProblem(api().get("/api/requests", bearer(unknownRole)), 403);
    }

    @Test
    void hospitalStaffWithoutAHospitalClaimMayNotDoAnything() {
        String noHospital = PROVIDER.token("ola", List.of("HOSPITAL"), null);

        assertProblem(api().get("/api/requests", bearer(noHospital)), 403);
        assertProblem(api().get("/api/queues/hospitals/OUS", bearer(noHospital)), 403);
    }

    @Test
    void withoutATokenTheApiAsksForOneWithProblemDetails() {
        Api.Answer answer = api().get("/api/requests");

        assertProblem(answer, 401);
        assertThat(answer.headers().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer");
    }

    @Test
    void theDemoUsersDoNotExist() {
        Api.Answer answer = Api.at(port, "coordinator").get("/api/requests");

        assertProblem(answer, 401);
        assertThat(answer.headers().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer");
        assertThat(Api.at(port, "admin").get("/api/admin/projections").status()).isEqualTo(401);
    }

    @Test
    void aBrowserOnAPageIsSentToTheIdentityProviderToSignIn() throws Exception {
        HttpResponse<String> page = browser("/requests");

        assertThat(page.statusCode()).isEqualTo(302);
        URI signIn = URI.create(page.headers().firstValue("Location").orElseThrow());
        assertThat(signIn.getPath()).isEqualTo("/oauth2/authorization/hospital-login");

        HttpResponse<String> toProvider = browser(signIn.getPath());
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String location = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(PROVIDER.url("/realms/study-support/auth?"));
        String query = URLDecoder.decode(URI.create(location).getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query).contains("response_type=code", "client_id=study-support-pages", "scope=openid profile",
                "redirect_uri=http://localhost:" + port + "/login/oauth2/code/hospital-login", "state=", "nonce=");
    }

    @Test
    void theApiStaysStatelessBehindThePagesSignIn() throws Exception {
        HttpResponse<String> api = browser("/api/requests");

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void healthShowsTheTokenIssuerReachable() {
        JsonNode issuer = Api.anonymous(port).get("/actuator/health").body().path("components").path("tokenIssuer");

        assertThat(issuer.path("status").asText()).isEqualTo("UP");
        assertThat(issuer.path("details").path("issuer").asText()).isEqualTo(PROVIDER.issuer());
    }

    private void assertTokenRefused(String token) {
        Api.Answer answer = api().get("/api/requests", bearer(token));

        assertProblem(answer, 401);
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(answer.text("type")).isEqualTo("/problems/invalid-token");
    }

    /** A page request as a browser sends it, with redirects not followed. */
    private HttpResponse<String> browser(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Api api() {
        return Api.anonymous(port);
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
