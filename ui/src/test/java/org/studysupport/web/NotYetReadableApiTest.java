package org.studysupport.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An action whose change the read model does not show yet (its view is behind, as while the
 * tables are rebuilt) is answered 202 with the request's location, never 200 with a view that
 * lacks the change; the change itself is stored.
 */
class NotYetReadableApiTest extends PostgresApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anActionOnAViewThatIsBehindIsAcceptedWithTheRequestsLocation() {
        String id = submit(unique("Behind its events"), "MONITORING");
        // the view one version behind its events: the next event cannot be applied on top of it
        jdbc.update("update request_view set version = version - 1 where id = ?", UUID.fromString(id));
        long eventsBefore = events(id);

        Api.Answer accepted = as("coordinator").post(path(id, "accept"), Map.of("priority", "HIGH"));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.headers().getLocation()).hasToString("/api/requests/" + id);
        assertThat(events(id)).as("the action is stored, with its triage clock's stop").isEqualTo(eventsBefore + 2);
    }

    private long events(String id) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id);
    }
}
