package org.studysupport.web.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/queues/triage?asOf=}: the triage queue exactly as it stood at a past moment. The
 * live queue is read after each transition of a request; asked later for those moments, the past
 * queue answers the very same pages, though the request has moved on since.
 */
class TriageQueueAsOfApiTest extends PostgresApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private static final String QUEUE = "/api/queues/triage?size=200";

    @Test
    void theQueueAsOfEachMomentIsTheQueueAsItWasReadThen() {
        Workflow flow = new Workflow(port);
        Map<String, Moment> moments = new LinkedHashMap<>();
        moments.put("before", now());
        String id = submit(unique("Queue as of walk"), "MONITORING", "BIOSTATISTICS");
        moments.put("submitted", now());
        flow.accept(id, "HIGH");
        moments.put("accepted", now());
        String monitoring = flow.assign(id, "MONITORING", "OUS");
        moments.put("one service assigned", now());
        flow.assign(id, "BIOSTATISTICS", "HUS");
        moments.put("all assigned", now());
        flow.decline(id, monitoring, "OUS");
        moments.put("declined", now());
        flow.comment("coordinator", id, "Looking for another hospital", "INTERNAL");
        moments.put("commented", now());
        flow.withdraw("investigator1", id);
        moments.put("withdrawn", now());

        for (Map.Entry<String, Moment> moment : moments.entrySet()) {
            JsonNode past = ok(as("auditor").get(QUEUE + "&asOf=" + moment.getValue().at()));
            assertThat(past).as(moment.getKey()).isEqualTo(moment.getValue().queue());
        }
        assertThat(reasons(moments.get("before").queue(), id)).isNull();
        assertThat(reasons(moments.get("submitted").queue(), id)).containsExactly("NEW_REQUEST");
        assertThat(reasons(moments.get("accepted").queue(), id)).containsExactly("UNASSIGNED_SERVICE");
        assertThat(reasons(moments.get("one service assigned").queue(), id)).containsExactly("UNASSIGNED_SERVICE");
        assertThat(reasons(moments.get("all assigned").queue(), id)).isNull();
        assertThat(reasons(moments.get("declined").queue(), id)).containsExactly("UNASSIGNED_SERVICE");
        assertThat(item(moments.get("commented").queue(), id).path("version").asLong())
                .isEqualTo(item(moments.get("declined").queue(), id).path("version").asLong() + 1);
        assertThat(reasons(moments.get("withdrawn").queue(), id)).isNull();
        String asked = "size=200&asOf=" + moments.get("declined").at();
        List<Map<String, Object>> recorded = jdbc.queryForList("select role, target, outcome from audit_access"
                + " where user_id = 'auditor' and action = 'AS_OF_TRIAGE_QUEUE' and detail = ?", asked);
        assertThat(recorded).as("each past queue an auditor reads is on the access trail").hasSize(1);
        assertThat(recorded.get(0)).containsEntry("role", "AUDITOR").containsEntry("outcome", 200);
        assertThat(recorded.get(0).get("target")).isNull();
    }

    @Test
    void aRequestStandsInThePastQueueFromTheMillisecondOfItsEvent() {
        String id = submit(unique("Queue as of edge"), "MONITORING");
        Instant submittedAt = Instant.parse(read("coordinator", id).path("submittedAt").asText());

        assertThat(reasons(pastQueue(submittedAt.minusMillis(1)), id)).isNull();
        assertThat(reasons(pastQueue(submittedAt), id)).containsExactly("NEW_REQUEST");
        assertThat(pastQueue(Instant.parse("2000-01-01T00:00:00Z")).path("total").asLong()).isZero();
    }

    @Test
    void thePastQueueIsPagedLikeTheLiveOne() {
        for (int i = 0; i < 4; i++) {
            submit(unique("Queue as of paging"), "MONITORING");
        }
        Instant moment = Instant.now();
        JsonNode whole = ok(as("coordinator").get(QUEUE + "&asOf=" + moment));
        JsonNode second = ok(as("coordinator").get("/api/queues/triage?size=2&page=1&asOf=" + moment));

        assertThat(second.path("total").asLong()).isEqualTo(whole.path("total").asLong());
        assertThat(second.path("items")).hasSize(2);
        assertThat(second.path("items").get(0)).isEqualTo(whole.path("items").get(2));
        assertThat(second.path("items").get(1)).isEqualTo(whole.path("items").get(3));
    }

    private JsonNode pastQueue(Instant moment) {
        return ok(as("coordinator").get(QUEUE + "&asOf=" + moment));
    }

    /** The live queue, and a moment after it was read and before anything changes again. */
    private Moment now() {
        JsonNode queue = ok(as("coordinator").get(QUEUE));
        Instant at = Instant.now();
        sleepPastMillisecond(at);
        return new Moment(queue, at);
    }

    /** Events are stored to the millisecond: the next one must fall after the moment taken. */
    private static void sleepPastMillisecond(Instant moment) {
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().isAfter(moment.plusMillis(1)));
    }

    private static JsonNode item(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private static List<String> reasons(JsonNode page, String id) {
        JsonNode item = item(page, id);
        if (item == null) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        item.path("waitingFor").forEach(reason -> reasons.add(reason.asText()));
        return reasons;
    }

    private record Moment(JsonNode queue, Instant at) {
    }
}
