package org.studysupport.persistence;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studysupport.support.Api;
import org.studysupport.support.RunningApplication;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The access trail's table (portable migration V12) is written and read back on the embedded H2 default too. */
class AccessTrailOnH2Test {

    @Test
    void aHistoryReadIsRecordedAndExportedOnH2(@TempDir Path dataDir) throws Exception {
        try (RunningApplication app = RunningApplication.onH2(dataDir, false)) {
            Instant before = Instant.now();
            String id = app.as("investigator1").post("/api/requests", Api.submission("Access trail on H2",
                    "MONITORING")).text("id");
            assertThat(app.as("auditor").get("/api/requests/" + id + "/history").status()).isEqualTo(200);

            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + app.port() + "/api/audit/access?from=" + before))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(csv.statusCode()).isEqualTo(200);
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.body())).getRecords();
            assertThat(rows).extracting(r -> r.get("actor_id") + " " + r.get("action") + " " + r.get("target") + " "
                    + r.get("outcome")).containsExactly("auditor HISTORY " + id + " 200", "auditor EXPORT_ACCESS  200");
            assertThat(Instant.parse(rows.get(0).get("at"))).isAfterOrEqualTo(before);
        }
    }
}
