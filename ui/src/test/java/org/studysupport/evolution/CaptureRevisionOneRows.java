package org.studysupport.evolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;
import org.studysupport.support.Workflow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class CaptureRevisionOneRows {

    @Test
    void capture() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        try (RunningApplication app = RunningApplication.onPostgres(database, Map.of())) {
            Workflow flow = new Workflow(app.port());
            String id = flow.submit("investigator1", "Colchicine after myocardial infarction", "MONITORING",
                    "BIOSTATISTICS").path("id").asText();
            String sites = flow.ask("coordinator", id, "How many sites will recruit?");
            flow.answer("investigator1", id, sites, "Eight sites in Norway and Sweden.");
            flow.accept(id, "HIGH");
            String monitoring = flow.assign(id, "MONITORING", "OUS");
            flow.acknowledge(id, monitoring, "OUS");
            String visits = flow.ask("ous-staff", id, "Which visits need source data verification?");
            flow.answer("investigator1", id, visits, "Baseline and week 12.");
            List<Map<String, Object>> rows = app.jdbc().query("select global_index, aggregate_identifier,"
                    + " sequence_number, type, event_identifier, payload_type, payload_revision, time_stamp, payload,"
                    + " meta_data from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                    (rs, n) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("globalIndex", rs.getLong(1));
                        row.put("aggregateIdentifier", rs.getString(2));
                        row.put("sequenceNumber", rs.getLong(3));
                        row.put("type", rs.getString(4));
                        row.put("eventIdentifier", rs.getString(5));
                        row.put("payloadType", rs.getString(6));
                        row.put("payloadRevision", rs.getString(7));
                        row.put("timeStamp", rs.getString(8));
                        row.put("payload", new String(rs.getBytes(9), StandardCharsets.UTF_8));
                        row.put("metaData", new String(rs.getBytes(10), StandardCharsets.UTF_8));
                        return row;
                    }, id);
            Files.writeString(Path.of("/tmp/revision-1-events.json"), new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        }
    }
}
