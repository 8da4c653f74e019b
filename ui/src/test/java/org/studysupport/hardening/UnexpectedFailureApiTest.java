package org.studysupport.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.support.EmbeddedDatabase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.hardening.HardeningAsserts.assertCleanProblem;
import static org.studysupport.hardening.HardeningAsserts.assertSecurityHeaders;

/**
 * A failure no handler knows answers 500 with a generic detail and an error id, and the log line
 * with the cause carries the same id; the cause's class and message stay out of the answer, whether
 * it failed in a controller or in a servlet filter (through the container's error page). Its own
 * application, with an endpoint and a filter that fail on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(UnexpectedFailureApiTest.Failures.class)
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();
    private static final String SECRET = "org.example.Internal secret at com.example.Store.read(Store.java:42)";

    @LocalServerPort
    int port;

    private RawHttp http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
    }

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @Test
    void aFailureInAControllerIsAGenericInternalErrorWithAnIdInTheLog(CapturedOutput log) {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Accept", "text/html"))) {
            RawHttp.Answer answer = http.get("coordinator", "/api/failing-on-purpose", headers);

            assertInternalErrorLogged(answer, log);
        }
    }

    @Test
    void aFailureInAFilterIsAGenericInternalErrorWithAnIdInTheLog(CapturedOutput log) {
        RawHttp.Answer answer = http.get("coordinator", "/api/failing-filter-on-purpose", Map.of());

        assertInternalErrorLogged(answer, log);
    }

    private static void assertInternalErrorLogged(RawHttp.Answer answer, CapturedOutput log) {
        JsonNode problem = assertCleanProblem(answer, 500);
        assertSecurityHeaders(answer);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/internal-error");
        String errorId = problem.path("errorId").asText();
        assertThat(errorId).matches("[0-9a-f-]{36}");
        assertThat(problem.path("detail").asText()).contains(errorId);
        assertThat(answer.body()).doesNotContain("secret").doesNotContain("Store");
        assertThat(log.getAll()).contains("error id " + errorId).contains(SECRET);
    }

    /** An endpoint and a filter that fail with an exception no handler knows. */
    @TestConfiguration
    static class Failures {

        @Bean
        FailingController failingController() {
            return new FailingController();
        }

        @Bean
        FilterRegistrationBean<Filter> failingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                throw new IllegalStateException(SECRET);
            });
            registration.addUrlPatterns("/api/failing-filter-on-purpose");
            return registration;
        }
    }

    @RestController
    static class FailingController {

        @GetMapping("/api/failing-on-purpose")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }
}
