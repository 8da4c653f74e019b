package org.studysupport.web.queue;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.EventStream;
import org.studysupport.support.StandaloneApplication;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Open streams must not hold up a shutdown: they end, and clients resume elsewhere with Last-Event-ID. */
class QueueStreamShutdownApiTest {

    @Test
    void openStreamsEndPromptlyWhenTheApplicationShutsDown() {
        ConfigurableApplicationContext application = StandaloneApplication.start(EmbeddedDatabase.newDatabase(),
                "study-support.live-updates.heartbeat=1s");
        try (EventStream stream = EventStream.open(StandaloneApplication.port(application), "coordinator")) {
            assertThat(stream.status(Duration.ofSeconds(5))).isEqualTo(200);

            long start = System.nanoTime();
            application.close();
            Duration shutdown = Duration.ofNanos(System.nanoTime() - start);

            assertThat(stream.awaitEnd(Duration.ofSeconds(5))).as("stream ended").isTrue();
            assertThat(shutdown).isLessThan(Duration.ofSeconds(10));
        } finally {
            application.close();
        }
    }
}
