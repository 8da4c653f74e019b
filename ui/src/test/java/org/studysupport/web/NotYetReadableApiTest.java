package org.studysupport.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.ActionCases;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.studysupport.support.ActionCases#everyAction")
    void everyActionOnAViewThatIsBehindIsAcceptedAndSoIsItsRepeat(ActionCases.ActionCase action) {
        ActionCases.Prepared call = action.prepare().apply(new Workflow(port));
        UUID id = UUID.fromString(call.requestId());
        jdbc.update("update request_view set version = version - 1 where id = ?", id);
        long eventsBefore = events(call.requestId());
        String key = UUID.randomUUID().toString();

        Api.Answer accepted = as(call.user()).post(path(call.requestId(), call.action()), call.body(),
                headers -> headers.add("Idempotency-Key", key));

        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().getLocation()).hasToString("/api/requests/" + id);
        long stored = events(call.requestId());
        assertThat(stored).as("the action is stored").isGreaterThan(eventsBefore);

        // the view still lacks the change: a repeat says so too, and stores nothing
        Api.Answer repeated = as(call.user()).post(path(call.requestId(), call.action()), call.body(),
                headers -> headers.add("Idempotency-Key", key));
        assertThat(repeated.status()).as("%s", repeated.body()).isEqualTo(202);
        assertThat(repeated.headers().getLocation()).hasToString("/api/requests/" + id);
        assertThat(events(call.requestId())).isEqualTo(stored);
    }

    private long events(String id) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id);
    }
}
