package org.studysupport.web.queue;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.support.StandaloneApplication.port;
import static org.studysupport.support.StandaloneApplication.start;

/** An idempotency key outlives the application: it is kept in the database, not in memory. */
class IdempotencyAfterRestartApiTest {

    @Test
    void repeatedKeyAfterARestartAnswersTheRequestTheFirstRunCreated() {
        String database = EmbeddedDatabase.newDatabase();
        String title = "restart" + UUID.randomUUID().toString().replace("-", "");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.submission(title, "MONITORING", "BIOBANK");

        String id;
        String reference;
        try (ConfigurableApplicationContext first = start(database)) {
            Api.Answer created = Api.at(port(first), "investigator1").post("/api/requests", body,
                    headers -> headers.add("Idempotency-Key", key));
            assertThat(created.status()).isEqualTo(201);
            id = created.text("id");
            reference = created.text("reference");
        }

        try (ConfigurableApplicationContext second = start(database)) {
            Api investigator = Api.at(port(second), "investigator1");
            Api.Answer again = investigator.post("/api/requests", body, headers -> headers.add("Idempotency-Key", key));
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.text("id")).isEqualTo(id);
            assertThat(again.text("reference")).isEqualTo(reference);
            assertThat(again.headers().getLocation()).hasToString("/api/requests/" + id);

            Api.Answer other = investigator.post("/api/requests", Api.submission(title + "x", "MONITORING"),
                    headers -> headers.add("Idempotency-Key", key));
            assertThat(other.status()).isEqualTo(409);

            assertThat(Api.at(port(second), "coordinator").get("/api/requests?q=" + title).body()
                    .path("total").asLong()).isEqualTo(1);
        }
    }
}
