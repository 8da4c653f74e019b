package org.studysupport.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.studysupport.StudySupportApplication;
import org.studysupport.support.EmbeddedDatabase;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A production start (profile {@code prod}) with unsafe settings is refused before it touches the
 * database, with Spring Boot's "APPLICATION FAILED TO START" report saying what to change.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    private static final String ISSUER = "--spring.security.oauth2.resourceserver.jwt.issuer-uri="
            + "https://login.example.org/realms/study-support";

    @Test
    void aProductionStartWithTheDemoUsersSwitchedOnIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> start(ISSUER, "--study-support.security.demo-users=true"))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("The demo users are switched on (study-support.security.demo-users=true)");

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "The prod profile refuses to start with these settings",
                "anyone could sign in as them with the password 'demo'");
    }

    @Test
    void aProductionStartWithTheDemoDataSwitchedOnIsRefused() {
        assertThatThrownBy(() -> start(ISSUER, "--study-support.demo-data.enabled=true"))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("The demo data is switched on");
    }

    @Test
    void aProductionStartThatAllowsPlainHttpWebhooksIsRefused() {
        assertThatThrownBy(() -> start(ISSUER, "--study-support.notifications.webhooks.allow-http-loopback=true"))
                .isInstanceOfSatisfying(UnsafeProductionSettingsException.class, refused ->
                        assertThat(refused.problems()).singleElement().asString()
                                .startsWith("Webhook endpoints may be plain http://"));
    }

    @Test
    void aProductionStartWithoutATokenIssuerIsRefusedAndOnlyForThat(CapturedOutput output) {
        assertThatThrownBy(() -> start())
                .isInstanceOfSatisfying(UnsafeProductionSettingsException.class, refused ->
                        // the prod profile itself turns the demo users and data off
                        assertThat(refused.problems()).singleElement().asString()
                                .startsWith("No token issuer is configured")
                                .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri"));

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "No token issuer is configured");
    }

    private static void start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                // no database is reached: the start is refused before one is connected
                "--spring.datasource.url=jdbc:postgresql://localhost:1/not-there",
                "--study-support.data-dir=" + EmbeddedDatabase.dataDirectory(),
                "--server.port=0"));
        arguments.addAll(List.of(settings));
        try (ConfigurableApplicationContext started = new SpringApplicationBuilder(StudySupportApplication.class)
                .profiles(ProductionSettings.PROFILE).run(arguments.toArray(String[]::new))) {
            throw new AssertionError("The application started: " + started);
        }
    }
}
