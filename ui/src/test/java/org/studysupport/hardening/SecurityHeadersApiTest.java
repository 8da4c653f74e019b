package org.studysupport.hardening;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studysupport.hardening.RawHttp.Framing;
import org.studysupport.support.PostgresApiTest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.hardening.HardeningAsserts.assertSecurityHeaders;

/**
 * Every answer carries the security headers: API answers and their errors, answers refused before
 * Spring Security's chain (a body too large, the firewall, Tomcat), actuator, the OpenAPI document
 * and the Swagger UI, whose page still loads everything it needs from this origin under the policy
 * (in a browser, checked by hand with headless Chromium: no violation is reported).
 * HSTS only on a request the application sees as secure: here, one a trusted proxy (loopback)
 * forwarded with {@code X-Forwarded-Proto: https}.
 */
class SecurityHeadersApiTest extends PostgresApiTest {

    private RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        String id = submit(unique("Headers"), "MONITORING");
        List<RawHttp.Answer> answers = new ArrayList<>(List.of(
                http.get("coordinator", "/api/requests/" + id, Map.of()),
                http.get("coordinator", "/api/requests", Map.of()),
                http.get("investigator1", "/api/requests/" + id + "/history", Map.of()),
                http.get(null, "/api/requests", Map.of()),
                http.get("investigator1", "/api/admin/projections", Map.of()),
                http.get("coordinator", "/api/nothing", Map.of()),
                http.get("coordinator", "/api/requests/not-a-uuid", Map.of()),
                http.get("coordinator", "/api/requests//x", Map.of()),
                http.get("coordinator", "/api/requests/%00", Map.of()),
                http.get(null, "/actuator/health", Map.of()),
                http.get("admin", "/actuator/prometheus", Map.of()),
                http.get(null, "/v3/api-docs", Map.of()),
                http.get(null, "/swagger-ui/index.html", Map.of()),
                http.post("coordinator", "/api/requests/" + id + "/accept", "application/json",
                        "{\"priority\":\"HIGH\"}".getBytes(StandardCharsets.UTF_8), Framing.DECLARED_LENGTH),
                http.post("coordinator", "/api/requests/" + id + "/comments", "application/json",
                        new byte[256 * 1024 + 1], Framing.DECLARED_LENGTH)));
        assertThat(answers).extracting(RawHttp.Answer::status)
                .containsExactly(200, 200, 200, 401, 403, 404, 400, 400, 400, 200, 200, 200, 200, 200, 413);
        for (RawHttp.Answer answer : answers) {
            assertSecurityHeaders(answer);
            assertThat(answer.header("Strict-Transport-Security")).as("HSTS on plain HTTP").isNull();
        }
    }

    @Test
    void answersWithPersonalDataAreNeverStored() {
        String id = submit(unique("No store"), "MONITORING");

        RawHttp.Answer view = http.get("coordinator", "/api/requests/" + id, Map.of());

        assertThat(view.body()).contains("kari@example.org");
        assertThat(view.header("Cache-Control")).contains("no-store").contains("no-cache");
        assertThat(view.header("Pragma")).isEqualTo("no-cache");
    }

    @Test
    void hstsIsSentOnlyOnRequestsSeenAsSecure() {
        RawHttp.Answer behindTls = http.get("coordinator", "/api/services", Map.of("X-Forwarded-Proto", "https"));
        RawHttp.Answer plain = http.get("coordinator", "/api/services", Map.of());
        RawHttp.Answer forwardedPlain = http.get("coordinator", "/api/services", Map.of("X-Forwarded-Proto", "http"));

        assertThat(behindTls.status()).isEqualTo(200);
        assertThat(behindTls.header("Strict-Transport-Security")).isNotNull()
                .contains("max-age=31536000").contains("includeSubDomains");
        assertSecurityHeaders(behindTls);
        assertThat(plain.header("Strict-Transport-Security")).isNull();
        assertThat(forwardedPlain.header("Strict-Transport-Security")).isNull();
        RawHttp.Answer refusedBehindTls = http.get(null, "/api/requests", Map.of("X-Forwarded-Proto", "https"));
        assertThat(refusedBehindTls.status()).isEqualTo(401);
        assertThat(refusedBehindTls.header("Strict-Transport-Security")).isNotNull();
    }

    /**
     * The policy allows scripts, styles and images from this origin only; the Swagger UI page uses
     * nothing else: no inline script or style, every script and style sheet a same-origin path that
     * is served, and its configuration fetched from this origin too.
     */
    @Test
    void theSwaggerUiPageLoadsOnlyItsOwnResourcesUnderThePolicy() {
        RawHttp.Answer page = http.get(null, "/swagger-ui/index.html", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("style-src 'self'")
                .contains("connect-src 'self'").contains("frame-ancestors 'none'");
        String html = page.body();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("<script[^>]*>\\s*\\S+\\s*</script>")
                .doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");

        List<String> resources = attributes(html, "(?:src|href)=\"([^\"]+)\"");
        assertThat(resources).hasSizeGreaterThanOrEqualTo(4).allSatisfy(resource ->
                assertThat(resource).as("same-origin path").doesNotContain("//").doesNotStartWith("data:"));
        for (String resource : resources) {
            RawHttp.Answer loaded = http.get(null, "/swagger-ui/" + resource.replaceFirst("^\\./", ""), Map.of());
            assertThat(loaded.status()).as(resource).isEqualTo(200);
            if (resource.endsWith(".js")) {
                assertThat(loaded.header("Content-Type")).as(resource).contains("javascript");
            } else if (resource.endsWith(".css")) {
                assertThat(loaded.header("Content-Type")).as(resource).startsWith("text/css");
            }
        }

        String policy = page.header("Content-Security-Policy");
        for (String resource : resources) {
            if (resource.endsWith(".js")) {
                String script = http.get(null, "/swagger-ui/" + resource.replaceFirst("^\\./", ""), Map.of()).body();
                for (String style : inlineStyles(script)) {
                    assertThat(policy).as("the policy allows the inline style '%s' of %s", style, resource)
                            .contains("'sha256-" + sha256(style) + "'");
                }
            }
        }

        String initializer = http.get(null, "/swagger-ui/swagger-initializer.js", Map.of()).body();
        Matcher config = Pattern.compile("\"configUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(initializer);
        assertThat(config.find()).as("the page's configuration address in %s", initializer).isTrue();
        assertThat(config.group(1)).startsWith("/");
        RawHttp.Answer swaggerConfig = http.get(null, config.group(1), Map.of());
        assertThat(swaggerConfig.status()).isEqualTo(200);
        String documentUrl = swaggerConfig.json().path("url").asText();
        assertThat(documentUrl).startsWith("/");
        assertThat(http.get(null, documentUrl, Map.of()).status()).isEqualTo(200);
    }

    /** The text of the {@code <style>} elements a script creates (React's {@code createElement("style", null, "…")}). */
    private static List<String> inlineStyles(String script) {
        return attributes(script, "createElement\\(\"style\",null,\"([^\"]*)\"\\)");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> attributes(String html, String pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
