package org.studysupport.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.studysupport.support.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.studysupport.notification.NotificationSettings.mailTo;

/**
 * What the outbox guarantees. Replays send nothing: neither a rebuild of the read models nor a
 * reset of the notifications processor writes or sends a message again, and after the reset new
 * events are notified as before. Two nodes claiming at once never take the same message.
 */
class NotificationGuaranteesApiTest extends NotificationApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Outbox outbox;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aReplayOfTheReadModelsAndAResetOfTheNotificationsProcessorSendNothing() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Api.Answer registered = as("admin").post("/api/admin/webhooks", Map.of("hospital", "OUS", "url",
                    receiver.url()));
            assertThat(registered.status()).isEqualTo(201);
            String address = "replayed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            JsonNode request = workflow().submit("investigator1", EmailNotificationApiTest.submission("Replayed",
                    address, "en", "MONITORING"));
            String id = request.path("id").asText();
            String reference = request.path("reference").asText();
            workflow().accept(id, "NORMAL");
            workflow().assign(id, "MONITORING", "OUS");
            // accepted (investigator), the assignment (OUS unit and the webhook)
            await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address, reference).size() == 1
                    && mailTo(NotificationSettings.OUS_UNIT, reference).size() == 1 && receiver.accepted().size() == 1);
            long messages = messages();

            Api.Answer replay = as("admin").post("/api/admin/projections/request-view/replay",
                    Map.of("reason", "Replay test"));
            assertThat(replay.status()).isEqualTo(202);
            String rebuild = replay.text("id");
            await().atMost(Duration.ofSeconds(60)).until(() -> rebuildFinished(rebuild));

            StreamingEventProcessor notifications = processing.eventProcessor(NotificationEvents.PROCESSING_GROUP,
                    StreamingEventProcessor.class).orElseThrow();
            // the whole log again, from its first event
            notifications.shutdownAsync().get();
            notifications.resetTokens(StreamableMessageSource::createTailToken);
            notifications.start();
            long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> !notifications.processingStatus().isEmpty()
                    && notifications.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()
                    && s.getCurrentPosition().orElse(-1) >= head));

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> messages() == messages
                    && mailTo(address, reference).size() == 1 && mailTo(NotificationSettings.OUS_UNIT, reference).size() == 1
                    && receiver.received().size() == 1);

            // and it goes on notifying what happens after the reset
            workflow().ask("coordinator", id, "Which sites?");
            await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address, reference).size() == 2);
            assertThat(messages()).isEqualTo(messages + 1);
            as("admin").delete("/api/admin/webhooks/" + registered.text("id"));
        }
    }

    @Test
    void twoNodesClaimingAtOnceNeverTakeTheSameMessage() throws Exception {
        // due only in a day, so that this context's own dispatcher leaves them alone
        Instant due = Instant.now().plus(Duration.ofDays(1));
        Set<UUID> ours = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            String event = UUID.randomUUID().toString();
            String recipient = "TEST:" + event;
            UUID message = OutboxMessage.idOf(event, Channel.EMAIL, recipient);
            ours.add(message);
            assertThat(outbox.add(new OutboxMessage(message, event, "Test", due, UUID.randomUUID(), Channel.EMAIL,
                    recipient, null, "en", "subject", "body", null), due)).isTrue();
            // the same message again adds nothing
            assertThat(outbox.add(new OutboxMessage(message, event, "Test", due, UUID.randomUUID(), Channel.EMAIL,
                    recipient, null, "en", "subject", "body", null), due)).isFalse();
        }
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<UUID>>> claims = new ArrayList<>();
            for (String node : List.of("claim-test-a", "claim-test-b")) {
                claims.add(nodes.submit(() -> {
                    together.await();
                    List<UUID> claimed = new ArrayList<>();
                    while (true) {
                        List<Outbox.Claimed> batch = transactions.execute(status ->
                                outbox.claim(node, 3, due.plusSeconds(1), Duration.ofHours(1), java.util.EnumSet.allOf(Channel.class)));
                        if (batch.isEmpty()) {
                            return claimed;
                        }
                        batch.forEach(c -> claimed.add(c.id()));
                    }
                }));
            }
            List<UUID> first = claims.get(0).get(30, TimeUnit.SECONDS);
            List<UUID> second = claims.get(1).get(30, TimeUnit.SECONDS);
            assertThat(first).doesNotContainAnyElementsOf(second);
            Set<UUID> all = new HashSet<>(first);
            all.addAll(second);
            assertThat(all).containsAll(ours);
            assertThat(first).isNotEmpty();
            assertThat(second).isNotEmpty();
        } finally {
            nodes.shutdownNow();
            jdbc.update("update notification_message set claimed_until = null, claimed_by = null"
                    + " where claimed_by in ('claim-test-a', 'claim-test-b')");
            jdbc.update("update notification_message set status = 'DROPPED' where recipient like 'TEST:%'");
        }
    }

    private long messages() {
        Long count = jdbc.queryForObject("select count(*) from notification_message", Long.class);
        return count == null ? 0 : count;
    }

    private boolean rebuildFinished(String rebuild) {
        JsonNode projections = as("admin").get("/api/admin/projections").body();
        return StreamSupport.stream(projections.spliterator(), false)
                .map(p -> p.path("rebuild"))
                .anyMatch(r -> r.path("id").asText().equals(rebuild) && "COMPLETED".equals(r.path("outcome").asText()));
    }
}
