package org.studysupport.web;

import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document, Swagger UI, health and metrics. */
class PlatformApiTest extends PostgresApiTest {

    @Test
    void openApiDocumentIsServedAndListsTheRequestEndpoints() {
        Api.Answer answer = anonymous().get("/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getContentType().toString()).contains("json");
        assertThat(answer.body().path("openapi").asText()).startsWith("3.");
        assertThat(answer.body().path("paths").has("/api/requests")).isTrue();
        assertThat(answer.body().path("paths").has("/api/requests/{id}/accept")).isTrue();
    }

    @Test
    void healthIsUpWithoutCredentials() {
        Api.Answer answer = anonymous().get("/actuator/health");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("UP");
    }

    @Test
    void swaggerUiIsServedWithoutCredentials() {
        Api.Answer answer = anonymous().get("/swagger-ui/index.html");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getContentType().toString()).contains("text/html");
    }

    @Test
    void prometheusMetricsAreServedToAdminsOnly() {
        Api.Answer admin = as("admin").get("/actuator/prometheus");

        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().asText()).contains("jvm_memory_used_bytes")
                .contains("study_support_answers_not_yet_readable");
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(as("coordinator").get("/actuator/prometheus").status()).isEqualTo(403);
    }
}
