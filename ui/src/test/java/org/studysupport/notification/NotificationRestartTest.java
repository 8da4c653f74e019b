package org.studysupport.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.StandaloneApplication;
import org.studysupport.support.Workflow;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.studysupport.notification.NotificationSettings.mailTo;

/**
 * A node stopped in the middle of delivery, and another started on the same database: every
 * message is delivered, none twice. The first node stops while a webhook request hangs at the
 * receiver and others wait behind it, right after an event its processor may not have handled yet.
 */
class NotificationRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRestartInTheMiddleOfDeliveryLosesNothingAndSendsNothingTwice() {
        String database = EmbeddedDatabase.newDatabase();
        try (WebhookReceiver receiver = WebhookReceiver.start().hanging()) {
            String id;
            String reference;
            String address = "restart@example.org";
            ConfigurableApplicationContext first = StandaloneApplication.start(database,
                    NotificationSettings.arguments("study-support.node-id=restart-first"));
            try {
                int port = StandaloneApplication.port(first);
                Api.Answer registered = Api.at(port, "admin").post("/api/admin/webhooks",
                        Map.of("hospital", "OUS", "url", receiver.url()));
                assertThat(registered.status()).isEqualTo(201);
                Workflow workflow = new Workflow(port);
                JsonNode request = workflow.submit("investigator1", EmailNotificationApiTest.submission("Restart",
                        address, "en", "METHODOLOGY", "BIOSTATISTICS", "REGULATORY"));
                id = request.path("id").asText();
                reference = request.path("reference").asText();
                workflow.accept(id, "NORMAL");
                String methodology = workflow.assign(id, "METHODOLOGY", "OUS");
                workflow.assign(id, "BIOSTATISTICS", "OUS");
                workflow.assign(id, "REGULATORY", "OUS");
                // the first webhook request hangs at the receiver; the others wait behind it
                await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
                workflow.acknowledge(id, methodology, "OUS");
            } finally {
                first.close();
            }
            receiver.release();

            ConfigurableApplicationContext second = StandaloneApplication.start(database,
                    NotificationSettings.arguments("study-support.node-id=restart-second"));
            try {
                // three assignments and one acknowledgement, each accepted once
                await().atMost(Duration.ofSeconds(30)).until(() -> types(receiver).size() == 4);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                        .until(() -> receiver.accepted().size() == 4);
                assertThat(types(receiver).values()).containsExactlyInAnyOrder("assignment.assigned",
                        "assignment.assigned", "assignment.assigned", "assignment.acknowledged");
                assertThat(receiver.accepted().stream().map(WebhookReceiver.Received::id).distinct()).hasSize(4);
                // the e-mail: one acceptance to the investigator, three arrivals to the OUS unit
                await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address, reference).size() == 1
                        && mailTo(NotificationSettings.OUS_UNIT, reference).size() == 3);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                        mailTo(address, reference).size() == 1 && mailTo(NotificationSettings.OUS_UNIT, reference).size() == 3);
            } finally {
                second.close();
            }
        }
    }

    /** The accepted webhook messages: id to event type. */
    private static Map<String, String> types(WebhookReceiver receiver) {
        return receiver.accepted().stream().collect(Collectors.toMap(WebhookReceiver.Received::id,
                r -> type(r.body()), (a, b) -> a));
    }

    private static String type(String body) {
        try {
            return JSON.readTree(body).path("type").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
