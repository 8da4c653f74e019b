package org.studysupport.sla;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.studysupport.api.sla.SlaClockStarted;
import org.studysupport.api.sla.SlaTarget;
import org.studysupport.command.sla.SlaRecomputation;
import org.studysupport.command.sla.SlaRecomputation.RecordedEvent;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clocks a request recorded, on the real application with its real deadlines, equal what its
 * history alone implies, also when the configuration changed between two of its clocks: the
 * application is restarted with other targets halfway, and the recomputation reads no configuration.
 */
class SlaRecomputationTest {

    @Test
    void theRecomputationFromTheHistoryEqualsWhatTheClocksRecordedAcrossAConfigurationChange() {
        String database = EmbeddedDatabase.newDatabase();
        String id;
        String monitoring;
        try (RunningApplication first = RunningApplication.onPostgres(database, Map.of(
                "study-support.sla.triage.duration", "PT2S",
                "study-support.sla.hospital-response.duration", "PT3S",
                "study-support.sla.delivery.duration", "PT30S"))) {
            Workflow flow = new Workflow(first.port());
            id = flow.submit("investigator1", "Recomputed from its history", "MONITORING", "DATA_MANAGEMENT")
                    .path("id").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorded(first, id).containsKey("TRIAGE")
                    && recorded(first, id).get("TRIAGE").size() == 4);
            flow.accept(id, "HIGH");
            monitoring = flow.assign(id, "MONITORING", "OUS");
            String question = flow.ask("coordinator", id, "Which sites?");
            sleep(Duration.ofMillis(1200));
            flow.answer("investigator1", id, question, "Oslo and Bergen.");
            flow.acknowledge(id, monitoring, "OUS");
        }
        try (RunningApplication second = RunningApplication.onPostgres(database, Map.of(
                "study-support.sla.triage.duration", "PT2S",
                "study-support.sla.hospital-response.duration", "PT20S",
                "study-support.sla.delivery.duration", "PT1S"))) {
            Workflow flow = new Workflow(second.port());
            String dataManagement = flow.assign(id, "DATA_MANAGEMENT", "OUS");
            flow.acknowledge(id, dataManagement, "OUS");
            String delivery = "DELIVERY:" + dataManagement;
            await().atMost(Duration.ofSeconds(10)).until(() -> recorded(second, id).getOrDefault(delivery, List.of())
                    .size() == 4);
            flow.completeAssignment(id, dataManagement, "OUS");
            flow.completeAssignment(id, monitoring, "OUS");
            flow.complete(id);

            List<RecordedEvent> history = history(second, id);
            Map<String, List<Object>> recorded = SlaRecomputation.recorded(history);
            assertThat(SlaRecomputation.recompute(history, Instant.now())).isEqualTo(recorded);

            assertThat(recorded.keySet()).containsExactly("TRIAGE", "HOSPITAL_RESPONSE:" + monitoring,
                    "DELIVERY:" + monitoring, "HOSPITAL_RESPONSE:" + dataManagement, delivery);
            assertThat(target(recorded, "HOSPITAL_RESPONSE:" + monitoring))
                    .isEqualTo(SlaTarget.ofDuration(Duration.ofSeconds(3)));
            assertThat(target(recorded, "HOSPITAL_RESPONSE:" + dataManagement))
                    .as("started after the change: today's target").isEqualTo(SlaTarget.ofDuration(Duration.ofSeconds(20)));
            assertThat(target(recorded, "DELIVERY:" + monitoring))
                    .as("started before the change: kept its target").isEqualTo(SlaTarget.ofDuration(Duration.ofSeconds(30)));
            assertThat(recorded.get("HOSPITAL_RESPONSE:" + monitoring)).as("paused and resumed")
                    .extracting(event -> event.getClass().getSimpleName())
                    .contains("SlaClockPaused", "SlaClockResumed");
            assertThat(recorded.get(delivery)).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("SlaClockStarted", "SlaWarningRaised", "SlaClockBreached", "RequestEscalated",
                            "SlaClockStopped");
        }
    }

    private static SlaTarget target(Map<String, List<Object>> recorded, String key) {
        return ((SlaClockStarted) recorded.get(key).get(0)).target();
    }

    private static Map<String, List<Object>> recorded(RunningApplication app, String id) {
        return SlaRecomputation.recorded(history(app, id));
    }

    private static List<RecordedEvent> history(RunningApplication app, String id) {
        return app.bean(EventStore.class).readEvents(id).asStream()
                .map(event -> new RecordedEvent(event.getPayload(), event.getTimestamp()))
                .toList();
    }

    /** Lets that much time pass on the clock the application reads. */
    private static void sleep(Duration duration) {
        Instant until = Instant.now().plus(duration);
        await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> !Instant.now().isBefore(until));
    }
}
