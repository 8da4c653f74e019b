package org.studysupport.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studysupport.support.Api;
import org.studysupport.support.EventStream;
import org.studysupport.support.EventStream.Event;
import org.studysupport.support.RunningApplication;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream on the embedded default (H2): changes are numbered in commit order there too, live
 * clients get them in that order and a client that resumes gets the ones after its id, once.
 */
class QueueStreamOnH2Test {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    @Test
    void streamDeliversAndResumesInCommitOrderOnH2(@TempDir Path dataDir) {
        try (RunningApplication application = RunningApplication.onH2(dataDir, false)) {
            String id = application.as("investigator1").post("/api/requests",
                    Api.submission("Stream on H2 " + UUID.randomUUID(), "MONITORING")).text("id");
            Event accepted;
            try (EventStream live = EventStream.open(application.port(), "coordinator")) {
                live.sync(() -> comment(application, id, "probe"),
                        event -> event.requestId().equals(id) && event.eventType().equals("CommentAdded"));
                application.as("coordinator").post("/api/requests/" + id + "/accept", Map.of("priority", "LOW"));
                accepted = live.expect(event -> event.eventType().equals("RequestAccepted"), FEW_SECONDS, "live");
            }
            comment(application, id, "while away");
            comment(application, id, "still away");

            try (EventStream resumed = EventStream.open(application.port(), "coordinator", accepted.id())) {
                resumed.expect(event -> event.eventType().equals("CommentAdded")
                        && resumed.eventsAbout(id).size() >= 3, FEW_SECONDS, "the missed changes");
                assertThat(resumed.eventsAbout(id)).extracting(Event::eventType)
                        .containsExactly("SlaClockStopped", "CommentAdded", "CommentAdded");
                List<Long> ids = resumed.events().stream().map(event -> Long.parseLong(event.id())).toList();
                assertThat(ids).isSorted().doesNotHaveDuplicates()
                        .allSatisfy(position -> assertThat(position).isGreaterThan(Long.parseLong(accepted.id())));
            }
            assertThat(application.jdbc().queryForObject(
                    "select count(*) from queue_change where commit_sequence is null", Long.class))
                    .as("every committed change numbered").isZero();
        }
    }

    private static void comment(RunningApplication application, String id, String text) {
        Api.Answer answer = application.as("coordinator").post("/api/requests/" + id + "/comments",
                Map.of("text", text, "visibility", "PUBLIC"));
        assertThat(answer.status()).isEqualTo(200);
    }
}
