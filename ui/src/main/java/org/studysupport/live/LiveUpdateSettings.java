package org.studysupport.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the live-update feed reads changes and serves its stream clients.
 *
 * @param pollInterval      how often each node numbers newly committed queue changes and reads them
 *                          from the database
 * @param heartbeat         how often an idle stream gets a comment line, to keep proxies from closing it
 * @param connectionTimeout after how long a stream is closed (clients reconnect with Last-Event-ID)
 * @param batch             how many changes one read (and one numbering) takes at most
 * @param retention         how long changes are kept for clients that resume
 * @param clientBacklog     how many changes may wait to be sent to one client; a client that falls
 *                          further behind (it stopped reading, or reads too slowly) is dropped with
 *                          a last event telling it to resume
 * @param reconnectDelay    the reconnection time a dropped client is told to wait before it resumes
 */
@ConfigurationProperties("study-support.live-updates")
public record LiveUpdateSettings(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1h") Duration connectionTimeout,
        @DefaultValue("500") int batch,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1000") int clientBacklog,
        @DefaultValue("1s") Duration reconnectDelay) {

    public LiveUpdateSettings {
        if (batch < 1 || clientBacklog < 1) {
            throw new IllegalArgumentException("study-support.live-updates.batch and .client-backlog must be at least 1");
        }
    }
}
