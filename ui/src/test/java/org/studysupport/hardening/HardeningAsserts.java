package org.studysupport.hardening;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions shared by the hardening tests: problem answers that give nothing away, security headers. */
final class HardeningAsserts {

    /** What would show that an answer speaks of the code behind it: packages, exceptions, stack frames. */
    static final List<String> INTERNALS = List.of("org.", "java.", "javax.", "jakarta.", "com.", "sun.",
            "Exception", "Error:", "\tat ", "Caused by", "springframework", "studysupport", "jackson",
            "<html", "<!doctype");

    private HardeningAsserts() {
    }

    /** A problem+json answer with the given status whose body names nothing internal. */
    static JsonNode assertCleanProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("content type of %s", answer.body())
                .startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText("")).as("type").isNotBlank();
        assertThat(problem.path("title").asText("")).as("title").isNotBlank();
        assertThat(problem.path("status").asInt()).as("status member").isEqualTo(status);
        assertThat(problem.path("detail").asText("")).as("detail").isNotBlank();
        assertNamesNothingInternal(answer.body());
        return problem;
    }

    static void assertNamesNothingInternal(String body) {
        for (String internal : INTERNALS) {
            assertThat(body).as("answer body").doesNotContainIgnoringCase(internal);
        }
    }

    /** The security headers every answer carries (HSTS aside: only on secure requests). */
    static void assertSecurityHeaders(RawHttp.Answer answer) {
        String what = "answer " + answer.status() + " " + answer.body();
        assertThat(answer.header("Content-Security-Policy")).as("CSP of %s", what).isNotNull()
                .contains("default-src 'none'").contains("frame-ancestors 'none'")
                .contains("script-src 'self'").contains("style-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(answer.header("X-Content-Type-Options")).as("nosniff of %s", what).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).as("frame options of %s", what).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).as("referrer policy of %s", what).isEqualTo("no-referrer");
        assertThat(answer.header("Cache-Control")).as("cache control of %s", what).contains("no-store");
    }
}
