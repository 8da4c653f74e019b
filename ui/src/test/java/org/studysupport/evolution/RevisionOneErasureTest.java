package org.studysupport.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RevisionOneFixture;
import org.studysupport.support.RunningApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A submission stored before contacts were sealed (revision 1, plaintext contact) reads through the
 * upcaster like a sealed one: its contact shows to whoever may see it, and once its investigator is
 * erased every answer shows it as erased. The stored row itself keeps its plaintext: it is what the
 * audit chain hashed, and the export gives events as stored (see docs/privacy.md).
 */
class RevisionOneErasureTest {

    private static final String REQUEST = "/api/requests/" + RevisionOneFixture.REQUEST_ID;

    @Test
    void aPlaintextContactOfTheFirstRevisionReadsAsErasedAfterItsSubjectIsErased() throws Exception {
        String database = EmbeddedDatabase.newDatabase();
        JdbcTemplate store = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
        Flyway.configure().dataSource(database, "postgres", "postgres")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .target("9").load().migrate();
        RevisionOneFixture.insertInto(store);

        try (RunningApplication app = RunningApplication.onPostgres(database, Map.of())) {
            Api auditor = app.as("auditor");
            await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get(REQUEST).status() == 200);

            JsonNode contact = auditor.get(REQUEST).body().path("contact");
            assertThat(contact.path("name").asText()).isEqualTo("Kari Nordmann");
            assertThat(contact.path("erased").asBoolean()).isFalse();
            assertThat(app.as("ous-staff").get(REQUEST).body().path("contact").isNull())
                    .as("hidden from hospital staff as before").isTrue();
            assertThat(auditor.get(REQUEST + "/history").body().get(0).path("data").path("contact").path("email")
                    .asText()).isEqualTo("kari@example.org");

            Api.Answer erasure = app.as("admin").post("/api/admin/subjects/investigator1/erase",
                    Map.of("reason", "GDPR art. 17"));
            assertThat(erasure.status()).isEqualTo(200);
            assertThat(erasure.body().path("keysDestroyed").asInt()).as("nothing was sealed for them").isZero();
            assertThat(erasure.body().path("requestsAffected").asInt()).isEqualTo(1);

            for (String reader : new String[] {"auditor", "coordinator", "investigator1"}) {
                JsonNode view = app.as(reader).get(REQUEST).body();
                assertThat(view.path("contact").path("erased").asBoolean()).as(reader).isTrue();
                assertThat(view.toString()).as(reader).doesNotContain("Kari Nordmann").doesNotContain("kari@");
            }
            JsonNode history = auditor.get(REQUEST + "/history").body();
            assertThat(history.get(0).path("data").path("contact").path("erased").asBoolean()).isTrue();
            assertThat(history.toString()).doesNotContain("Kari Nordmann");
            String firstMoment = RevisionOneFixture.rows().get(0).timeStamp();
            assertThat(auditor.get(REQUEST + "?asOf=" + firstMoment).body().path("contact").path("erased")
                    .asBoolean()).isTrue();

            assertThat(export(app.port())).as("the export gives the stored row, plaintext included")
                    .contains("Kari Nordmann");
            assertThat(auditor.get("/api/audit/verify").body().path("verified").asBoolean()).isTrue();
        }
    }

    private static String export(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/audit/events?requestId=" + RevisionOneFixture.REQUEST_ID))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }
}
