package org.studysupport.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EventStream;
import org.studysupport.support.EventStream.Event;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.hardening.HardeningAsserts.assertSecurityHeaders;

/**
 * User text is data, never markup: titles, descriptions, comments, notes and reasons come back
 * exactly as given, as JSON strings in {@code application/json} answers with {@code nosniff} (never
 * HTML-escaped, never interpreted), and the live stream, which carries no user text, cannot be
 * broken into extra events by a newline in it.
 */
class UserTextApiTest extends PostgresApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)> &amp; \"quoted\"";
    private static final String STREAM_BREAKER = "\n\ndata: {\"requestId\":\"x\"}\nevent: fake\n\n";

    @Test
    void userTextComesBackVerbatimAsJsonStrings() throws Exception {
        String title = unique("Title " + MARKUP);
        String description = "Description " + MARKUP + STREAM_BREAKER;
        Map<String, Object> submission = new HashMap<>(Api.submission(title, "MONITORING"));
        submission.put("description", description);
        Api.Answer submitted = as("investigator1").post("/api/requests", submission);
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(201);
        String id = submitted.text("id");
        String note = "Note " + MARKUP + STREAM_BREAKER;
        String comment = "Comment " + MARKUP + STREAM_BREAKER;
        ok(as("coordinator").post(path(id, "accept"), Map.of("priority", "HIGH", "note", note)));
        ok(as("coordinator").post(path(id, "comments"), Map.of("text", comment, "visibility", "PUBLIC")));
        String reason = "Reason " + MARKUP + STREAM_BREAKER;
        ok(as("investigator1").post(path(id, "withdraw"), Map.of("reason", reason)));

        RawHttp http = new RawHttp(port);
        RawHttp.Answer view = http.get("coordinator", path(id), Map.of());
        assertJsonAnswer(view);
        JsonNode request = view.json();
        assertThat(request.path("title").asText()).isEqualTo(title);
        assertThat(request.path("description").asText()).isEqualTo(description);
        assertThat(request.path("acceptanceNote").asText()).isEqualTo(note);
        assertThat(request.path("comments").get(0).path("text").asText()).isEqualTo(comment);
        assertThat(request.path("withdrawalReason").asText()).isEqualTo(reason);
        for (String text : List.of(title, description, note, comment, reason)) {
            assertThat(view.body()).as("the text as a JSON string").contains(JSON.writeValueAsString(text));
        }
        assertThat(view.body()).doesNotContain("&lt;").doesNotContain("&amp;amp;").doesNotContain("\\u003c");

        RawHttp.Answer list = http.get("coordinator", "/api/requests?q="
                + URLEncoder.encode(title, StandardCharsets.UTF_8), Map.of());
        assertJsonAnswer(list);
        assertThat(list.json().path("items").get(0).path("title").asText()).isEqualTo(title);

        RawHttp.Answer history = http.get("coordinator", path(id, "history"), Map.of());
        assertJsonAnswer(history);
        assertThat(history.body()).contains(JSON.writeValueAsString(comment)).doesNotContain("&lt;");
    }

    @Test
    void theLiveStreamCarriesNoUserTextAndCannotBeSplitByIt() {
        Workflow flow = new Workflow(port);
        String probe = submit(unique("Stream text probe"), "MONITORING");
        try (EventStream stream = EventStream.open(port, "coordinator")) {
            Event synced = stream.sync(() -> flow.comment("coordinator", probe, "probe", "PUBLIC"),
                    event -> event.requestId().equals(probe) && event.eventType().equals("CommentAdded"));

            String id = submit(unique("Stream " + MARKUP + STREAM_BREAKER.replace('\n', ' ')), "MONITORING");
            flow.comment("coordinator", id, "Comment " + MARKUP + STREAM_BREAKER, "PUBLIC");
            stream.expect(event -> event.requestId().equals(id) && event.eventType().equals("CommentAdded"),
                    Duration.ofSeconds(5), "for the comment");

            List<Event> events = stream.eventsAfter(synced);
            assertThat(events).isNotEmpty().allSatisfy(event -> {
                assertThat(event.name()).isEqualTo("queue-change");
                assertThat(event.data().isObject()).isTrue();
                assertThat(UUID.fromString(event.requestId())).isNotNull();
                assertThat(event.data().toString()).doesNotContain("alert").doesNotContain("fake")
                        .doesNotContain("data:");
            });
            assertThat(stream.eventsAbout(id, synced)).extracting(Event::eventType)
                    .contains("RequestSubmitted", "CommentAdded");
        }
    }

    private static void assertJsonAnswer(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertSecurityHeaders(answer);
    }
}
