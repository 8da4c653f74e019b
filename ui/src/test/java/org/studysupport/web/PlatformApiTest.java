package org.studysupport.web;

import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document and the health endpoint. */
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
}
