package org.studysupport.web.queue;

import org.junit.jupiter.api.Test;
import org.studysupport.support.EventStream;
import org.studysupport.support.SeparateDatabaseApiTest;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The keep-alive comment of an idle stream, with the heartbeat set to one second in this context. */
class QueueStreamHeartbeatApiTest extends SeparateDatabaseApiTest {

    @Test
    void idleStreamReceivesKeepAliveCommentsAtTheHeartbeat() {
        for (String user : List.of("coordinator", "hus-staff", "investigator1")) {
            try (EventStream stream = EventStream.open(port, user)) {
                // the stream opens with a greeting; then only heartbeats: nothing else happens on it
                assertThat(stream.status(Duration.ofSeconds(5))).as(user).isEqualTo(200);
                assertThat(stream.awaitComment(Duration.ofSeconds(5))).as(user).isEqualTo("connected");
                await().atMost(Duration.ofSeconds(6)).until(() -> stream.comments().size() >= 4);
                assertThat(stream.comments()).as(user).hasSizeGreaterThanOrEqualTo(4).first().isEqualTo("connected");
                assertThat(stream.comments().subList(1, stream.comments().size())).as(user).containsOnly("keep-alive");
                assertThat(stream.events()).as(user).isEmpty();
            }
        }
    }
}
