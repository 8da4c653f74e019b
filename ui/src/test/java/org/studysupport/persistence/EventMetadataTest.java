package org.studysupport.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.PostgresApiTest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stored event says who did it (user id and role), when (UTC) and, where one applies, why. */
class EventMetadataTest extends PostgresApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    record StoredEvent(String type, JsonNode metaData, Instant timestamp) {
    }

    @Test
    void everyEventCarriesActorRoleCorrelationAndTimeAndReasonsWhereTheyApply() {
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        String id = submit(unique("Metadata walk"), "MONITORING");
        ok(as("coordinator").post(path(id, "reject"), Map.of("reason", "Outside the network's remit")));

        List<StoredEvent> events = jdbc.query("select payload_type, meta_data, time_stamp from domain_event_entry"
                        + " where aggregate_identifier = ? order by sequence_number",
                (rs, row) -> new StoredEvent(rs.getString(1), readJson(rs.getBytes(2)), Instant.parse(rs.getString(3))),
                id);

        assertThat(events).extracting(StoredEvent::type).containsExactly(
                "org.studysupport.api.request.RequestSubmitted", "org.studysupport.api.sla.SlaClockStarted",
                "org.studysupport.api.request.RequestRejected", "org.studysupport.api.sla.SlaClockStopped");
        StoredEvent submitted = events.get(0);
        assertThat(submitted.metaData().path("userId").asText()).isEqualTo("investigator1");
        assertThat(submitted.metaData().path("role").asText()).isEqualTo("INVESTIGATOR");
        assertThat(submitted.metaData().path("correlationId").asText()).isNotBlank();

        // a clock event carries the metadata of the command it happened in
        assertThat(events.get(1).metaData()).isEqualTo(submitted.metaData());

        StoredEvent rejected = events.get(2);
        assertThat(rejected.metaData().path("userId").asText()).isEqualTo("coordinator");
        assertThat(rejected.metaData().path("role").asText()).isEqualTo("COORDINATOR");
        assertThat(rejected.metaData().path("reason").asText()).isEqualTo("Outside the network's remit");
        assertThat(rejected.metaData().path("correlationId").asText())
                .isNotEqualTo(submitted.metaData().path("correlationId").asText());

        assertThat(events).allSatisfy(event -> assertThat(event.timestamp()).isBetween(before, Instant.now()));
    }

    @Test
    void hospitalStaffActionsRecordTheHospitalTheyActFor() {
        String id = accepted(unique("Metadata hospital"), "MONITORING");
        String assignmentId = assign(id, "MONITORING", "OUS");
        acknowledge("ous-staff", id, assignmentId);

        byte[] metaData = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%AssignmentAcknowledged'", byte[].class, id);
        JsonNode json = readJson(metaData);
        assertThat(json.path("userId").asText()).isEqualTo("ous-staff");
        assertThat(json.path("role").asText()).isEqualTo("HOSPITAL");
        assertThat(json.path("hospital").asText()).isEqualTo("OUS");
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
