package org.studysupport.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.ProblemAssert;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks to local HTTP receivers: registration and its refusals, the Standard Webhooks signature
 * checked independently, retries until a failing receiver recovers (delivered once), a hanging
 * receiver that does not hold up another, removal, the delivery log and a manual re-send.
 */
class WebhookApiTest extends NotificationApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Test
    void everyEventOfAHospitalsAssignmentsIsPostedSignedByTheDocumentedScheme() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode registered = register("HUS", receiver.url());
            String secret = registered.path("secret").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);

            JsonNode request = workflow().submit("investigator1", EmailNotificationApiTest.submission("Signed",
                    "signed@example.org", "en", "BIOSTATISTICS", "REGULATORY"));
            String id = request.path("id").asText();
            workflow().accept(id, "NORMAL");
            String assignment = workflow().assign(id, "BIOSTATISTICS", "HUS");
            workflow().acknowledge(id, assignment, "HUS");
            workflow().assign(id, "REGULATORY", "OUS");

            await().atMost(DELIVERY).until(() -> ofRequest(receiver.accepted(), id).size() == 2);
            List<WebhookReceiver.Received> received = ofRequest(receiver.accepted(), id);
            for (WebhookReceiver.Received message : received) {
                String expected = "v1," + Base64.getEncoder().encodeToString(hmac(secret,
                        message.id() + "." + message.timestamp() + "." + message.body()));
                assertThat(message.signature()).isEqualTo(expected);
                assertThat(Long.parseLong(message.timestamp()))
                        .isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
                JsonNode body = JSON.readTree(message.body());
                assertThat(body.path("id").asText()).isEqualTo(message.id());
                assertThat(body.path("data").path("reference").asText()).isEqualTo(request.path("reference").asText());
                assertThat(body.path("data").path("hospital").asText()).isEqualTo("HUS");
                assertThat(message.body()).doesNotContain("signed@example.org").doesNotContain("Kari Nordmann")
                        .doesNotContain("Signed").doesNotContain("REGULATORY");
            }
            assertThat(received).extracting(m -> JSON.readTree(m.body()).path("type").asText())
                    .containsExactly("assignment.assigned", "assignment.acknowledged");
            JsonNode acknowledged = JSON.readTree(received.get(1).body());
            assertThat(acknowledged.path("data").path("assignmentId").asText()).isEqualTo(assignment);
            assertThat(acknowledged.path("data").path("status").asText()).isEqualTo("ACTIVE");
            assertThat(acknowledged.path("data").path("service").asText()).isEqualTo("BIOSTATISTICS");

            // a tampered body does not verify
            WebhookReceiver.Received first = received.get(0);
            assertThat(first.signature()).isNotEqualTo("v1," + Base64.getEncoder().encodeToString(hmac(secret,
                    first.id() + "." + first.timestamp() + "." + first.body().replace("HUS", "OUS"))));
            remove(registered);
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesThenRecoversGetsTheMessageOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().failingFirst(3, 503)) {
            JsonNode registered = register("SUS", receiver.url());
            JsonNode request = workflow().submit("investigator1", EmailNotificationApiTest.submission("Flaky",
                    "flaky@example.org", "en", "DATA_MANAGEMENT"));
            String id = request.path("id").asText();
            workflow().accept(id, "NORMAL");
            workflow().assign(id, "DATA_MANAGEMENT", "SUS");

            await().atMost(DELIVERY).until(() -> ofRequest(receiver.accepted(), id).size() == 1);
            List<WebhookReceiver.Received> all = ofRequest(receiver.received(), id);
            assertThat(all).hasSize(4).extracting(WebhookReceiver.Received::answeredWith).containsExactly(503, 503, 503, 200);
            assertThat(all).extracting(WebhookReceiver.Received::id).containsOnly(all.get(0).id());

            JsonNode delivery = delivery(registered, all.get(0).id());
            assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivery.path("eventType").asText()).isEqualTo("ServiceAssigned");
            assertThat(delivery.path("requestId").asText()).isEqualTo(id);
            assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
            List<JsonNode> attempts = StreamSupport.stream(delivery.path("attempts").spliterator(), false).toList();
            assertThat(attempts).extracting(a -> a.path("outcome").asText())
                    .containsExactly("FAILED", "FAILED", "FAILED", "DELIVERED");
            assertThat(attempts).extracting(a -> a.path("httpStatus").asInt()).containsExactly(503, 503, 503, 200);
            assertThat(attempts.get(0).path("error").asText()).contains("503");
            // the waits grow: 200 ms, then 400 ms, then 800 ms (no jitter here)
            Instant second = Instant.parse(attempts.get(1).path("attemptedAt").asText());
            Instant third = Instant.parse(attempts.get(2).path("attemptedAt").asText());
            Instant fourth = Instant.parse(attempts.get(3).path("attemptedAt").asText());
            assertThat(Duration.between(third, fourth)).isGreaterThan(Duration.between(second, third));

            // nothing more arrives: it was delivered
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> ofRequest(receiver.received(), id).size() == 4);
            remove(registered);
        }
    }

    @Test
    void aHangingReceiverDoesNotHoldUpAnotherReceiver() throws Exception {
        try (WebhookReceiver hanging = WebhookReceiver.start().hanging();
             WebhookReceiver healthy = WebhookReceiver.start()) {
            JsonNode slow = register("STO", hanging.url());
            JsonNode fast = register("STO", healthy.url());
            JsonNode request = workflow().submit("investigator1", EmailNotificationApiTest.submission("Hanging",
                    "hanging@example.org", "en", "METHODOLOGY", "BIOSTATISTICS"));
            String id = request.path("id").asText();
            workflow().accept(id, "NORMAL");
            workflow().assign(id, "METHODOLOGY", "STO");
            workflow().assign(id, "BIOSTATISTICS", "STO");

            // the healthy receiver gets both while the hanging one still holds its first request
            await().atMost(Duration.ofSeconds(6)).until(() -> ofRequest(healthy.accepted(), id).size() == 2);
            assertThat(ofRequest(hanging.received(), id)).hasSize(1);
            hanging.release();
            remove(slow);
            remove(fast);
        }
    }

    @Test
    void aRemovedEndpointGetsNothingMoreAndStaysListedWithWhoRemovedIt() throws Exception {
        try (WebhookReceiver removedReceiver = WebhookReceiver.start(); WebhookReceiver kept = WebhookReceiver.start()) {
            JsonNode registered = register("UNN", removedReceiver.url());
            JsonNode other = register("UNN", kept.url());
            String endpoint = registered.path("id").asText();
            Api.Answer removed = as("admin").delete("/api/admin/webhooks/" + endpoint + "?reason=Replaced");
            assertThat(removed.status()).isEqualTo(204);
            ProblemAssert.assertProblem(as("admin").delete("/api/admin/webhooks/" + endpoint), 409);

            JsonNode listed = find(endpoint);
            assertThat(listed.path("removedBy").asText()).isEqualTo("admin");
            assertThat(listed.path("removedReason").asText()).isEqualTo("Replaced");
            assertThat(listed.path("removedAt").isNull()).isFalse();
            assertThat(find(other.path("id").asText()).path("removedAt").isNull()).isTrue();

            JsonNode request = workflow().submit("investigator1", EmailNotificationApiTest.submission("Removed",
                    "removed@example.org", "en", "REGULATORY"));
            String id = request.path("id").asText();
            workflow().accept(id, "NORMAL");
            workflow().assign(id, "REGULATORY", "UNN");
            // the endpoint still registered gets the event: the removed one was not even given a message
            await().atMost(DELIVERY).until(() -> ofRequest(kept.accepted(), id).size() == 1);
            assertThat(removedReceiver.received()).isEmpty();
            assertThat(as("admin").get("/api/admin/webhooks/" + endpoint + "/deliveries").body().path("total").asLong())
                    .isZero();
            remove(other);
        }
    }

    @Test
    void aDeliveredMessageIsSentAgainOnRequestWithTheSameId() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode registered = register("HUS", receiver.url());
            JsonNode request = workflow().submit("investigator1", EmailNotificationApiTest.submission("Resent",
                    "resent@example.org", "en", "MONITORING"));
            String id = request.path("id").asText();
            workflow().accept(id, "NORMAL");
            workflow().assign(id, "MONITORING", "HUS");
            await().atMost(DELIVERY).until(() -> ofRequest(receiver.accepted(), id).size() == 1);
            String messageId = ofRequest(receiver.accepted(), id).get(0).id();
            String endpoint = registered.path("id").asText();
            await().atMost(DELIVERY).until(() -> "DELIVERED".equals(delivery(registered, messageId).path("status").asText()));

            Api.Answer resent = as("admin").post("/api/admin/webhooks/" + endpoint + "/deliveries/" + messageId
                    + "/resend", Map.of());
            assertThat(resent.status()).isEqualTo(202);
            assertThat(resent.body().path("resentBy").asText()).isEqualTo("admin");
            assertThat(resent.body().path("status").asText()).isEqualTo("PENDING");

            await().atMost(DELIVERY).until(() -> ofRequest(receiver.accepted(), id).size() == 2);
            assertThat(ofRequest(receiver.accepted(), id)).extracting(WebhookReceiver.Received::id)
                    .containsExactly(messageId, messageId);
            await().atMost(DELIVERY).until(() -> "DELIVERED".equals(delivery(registered, messageId).path("status").asText()));
            assertThat(delivery(registered, messageId).path("attempts")).hasSize(2);

            ProblemAssert.assertProblem(as("admin").post("/api/admin/webhooks/" + endpoint + "/deliveries/"
                    + UUID.randomUUID() + "/resend", Map.of()), 404);
            remove(registered);
            ProblemAssert.assertProblem(as("admin").post("/api/admin/webhooks/" + endpoint + "/deliveries/" + messageId
                    + "/resend", Map.of()), 409);
        }
    }

    @Test
    void registrationsThatCannotBeServedAreRefusedAndSecretsAreShownOnlyOnce() {
        JsonNode unknownHospital = ProblemAssert.assertProblem(as("admin").post("/api/admin/webhooks",
                Map.of("hospital", "XYZ", "url", "https://hooks.example.org/x")), 400);
        assertThat(unknownHospital.path("errors").toString()).contains("hospital");
        JsonNode plainHttp = ProblemAssert.assertProblem(as("admin").post("/api/admin/webhooks",
                Map.of("hospital", "OUS", "url", "http://hooks.example.org/x")), 400);
        assertThat(plainHttp.path("errors").toString()).contains("url");
        ProblemAssert.assertProblem(as("admin").post("/api/admin/webhooks",
                Map.of("hospital", "OUS", "url", "not a url")), 400);
        ProblemAssert.assertProblem(as("admin").post("/api/admin/webhooks",
                Map.of("hospital", "OUS", "url", "https://user:password@hooks.example.org/x")), 400);
        ProblemAssert.assertProblem(as("admin").post("/api/admin/webhooks", Map.of("hospital", "OUS")), 400);
        ProblemAssert.assertProblem(as("admin").get("/api/admin/webhooks/" + UUID.randomUUID() + "/deliveries"), 404);
        ProblemAssert.assertProblem(as("admin").delete("/api/admin/webhooks/" + UUID.randomUUID()), 404);

        Api.Answer created = as("admin").post("/api/admin/webhooks", Map.of("hospital", "OUS",
                "url", "https://hooks.ous.example.org/study-support", "description", "OUS research system"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.headers().getLocation()).hasToString("/api/admin/webhooks/" + id);
        assertThat(created.text("createdBy")).isEqualTo("admin");
        JsonNode listed = find(id);
        assertThat(listed.path("url").asText()).isEqualTo("https://hooks.ous.example.org/study-support");
        assertThat(listed.path("description").asText()).isEqualTo("OUS research system");
        assertThat(listed.has("secret")).isFalse();
        assertThat(as("admin").get("/api/admin/webhooks").body().toString()).doesNotContain(created.text("secret"));
        remove(created.body());
    }

    private JsonNode register(String hospital, String url) {
        Api.Answer answer = as("admin").post("/api/admin/webhooks", Map.of("hospital", hospital, "url", url,
                "description", "test receiver"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body();
    }

    private void remove(JsonNode registered) {
        assertThat(as("admin").delete("/api/admin/webhooks/" + registered.path("id").asText()
                + "?reason=Test+done").status()).isEqualTo(204);
    }

    private JsonNode find(String endpoint) {
        return StreamSupport.stream(as("admin").get("/api/admin/webhooks").body().spliterator(), false)
                .filter(e -> e.path("id").asText().equals(endpoint)).findFirst().orElseThrow();
    }

    private JsonNode delivery(JsonNode registered, String messageId) {
        JsonNode page = as("admin").get("/api/admin/webhooks/" + registered.path("id").asText()
                + "/deliveries?size=200").body();
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(d -> d.path("messageId").asText().equals(messageId)).findFirst().orElseThrow();
    }

    private static List<WebhookReceiver.Received> ofRequest(List<WebhookReceiver.Received> received, String requestId) {
        return received.stream().filter(r -> {
            try {
                return JSON.readTree(r.body()).path("data").path("requestId").asText().equals(requestId);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static byte[] hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
    }
}
