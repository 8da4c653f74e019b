package org.studysupport.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.command.request.SupportRequest;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a low snapshot threshold, a request is snapshotted as JSON, and loading it from that snapshot
 * keeps every rule working: its assignments and status come back as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "study-support.snapshots.threshold=3")
@ActiveProfiles("postgres")
class SnapshotTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Test
    void requestLoadedFromItsSnapshotKeepsItsRulesAndFinishesItsLife() {
        Api investigator = Api.at(port, "investigator1");
        Api coordinator = Api.at(port, "coordinator");
        Api ous = Api.at(port, "ous-staff");
        Api hus = Api.at(port, "hus-staff");

        String id = investigator.post("/api/requests", Api.submission("Snapshot trial", "MONITORING", "BIOSTATISTICS"))
                .text("id");
        String path = "/api/requests/" + id;
        coordinator.post(path + "/accept", Map.of("priority", "HIGH"));
        String monitoring = coordinator.post(path + "/assignments", Map.of("service", "MONITORING", "hospital", "OUS"))
                .body().path("assignments").get(0).path("id").asText();
        ous.post(path + "/assignments/" + monitoring + "/acknowledge", Map.of());
        Api.Answer commented = coordinator.post(path + "/comments", Map.of("text", "Before snapshot", "visibility", "INTERNAL"));
        // five commands, and the clock events after four of them: triage started and stopped, hospital
        // response started and stopped, delivery started
        assertThat(commented.body().path("version").asLong()).isEqualTo(9);

        long snapshotAt = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select coalesce(max(sequence_number), -1) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, id), sequence -> sequence >= 3);
        Map<String, Object> snapshot = jdbc.queryForMap(
                "select payload_type, payload from snapshot_event_entry where aggregate_identifier = ? and sequence_number = ?",
                id, snapshotAt);
        assertThat(snapshot.get("payload_type")).isEqualTo(SupportRequest.class.getName());
        String payload = new String((byte[]) snapshot.get("payload"), StandardCharsets.UTF_8);
        assertThat(payload).startsWith("{").contains(monitoring).contains("\"ACTIVE\"");

        // The repository loads the aggregate from the snapshot, then the events after it.
        DomainEventStream stream = eventStore.readEvents(id);
        DomainEventMessage<?> first = stream.peek();
        assertThat(first.getPayloadType()).isEqualTo(SupportRequest.class);
        assertThat(first.getSequenceNumber()).isEqualTo(snapshotAt);

        // Rules that depend on state restored from the snapshot still refuse what they must.
        assertThat(ous.post(path + "/assignments/" + monitoring + "/acknowledge", Map.of()).status()).isEqualTo(409);
        assertThat(coordinator.post(path + "/assignments", Map.of("service", "MONITORING", "hospital", "HUS")).status())
                .isEqualTo(409);
        assertThat(coordinator.post(path + "/complete", Map.of("outcome", "Too early")).status()).isEqualTo(409);

        // And everything else still works.
        String biostatistics = coordinator.post(path + "/assignments", Map.of("service", "BIOSTATISTICS", "hospital", "HUS"))
                .body().path("assignments").get(1).path("id").asText();
        assertThat(hus.post(path + "/assignments/" + biostatistics + "/acknowledge", Map.of()).status()).isEqualTo(200);
        assertThat(hus.post(path + "/assignments/" + biostatistics + "/complete", Map.of("summary", "Sample size done"))
                .status()).isEqualTo(200);
        assertThat(ous.post(path + "/assignments/" + monitoring + "/complete", Map.of("summary", "Monitoring plan"))
                .status()).isEqualTo(200);
        Api.Answer completed = coordinator.post(path + "/complete", Map.of("outcome", "Study supported"));
        assertThat(completed.status()).isEqualTo(200);

        JsonNode view = coordinator.get(path).body();
        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.path("outcome").asText()).isEqualTo("Study supported");
        // then assign, acknowledge, complete twice and complete the request, with their clock events
        assertThat(view.path("version").asLong()).isEqualTo(19);
        assertThat(view.path("assignments")).hasSize(2)
                .allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("COMPLETED"));
        assertThat(view.path("comments")).hasSize(1);
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id)).isEqualTo(19);

        // Later snapshots replace earlier ones.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, id), sequence -> sequence > snapshotAt);
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, id)).isEqualTo(1);
    }
}
