package org.studysupport.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param pollInterval      how often each node reads new queue changes from the database
 * @param heartbeat         how often an idle stream gets a comment line, to keep proxies from closing it
 * @param connectionTimeout after how long a stream is closed (clients reconnect with Last-Event-ID)
 * @param lookback          how many positions behind the newest each read looks again, for changes
 *                          whose transactions committed out of position order
 * @param batch             how many changes one read takes at most
 * @param retention         how long changes are kept for clients that resume
 */
@ConfigurationProperties("study-support.live-updates")
public record LiveUpdateSettings(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1h") Duration connectionTimeout,
        @DefaultValue("200") int lookback,
        @DefaultValue("500") int batch,
        @DefaultValue("7d") Duration retention) {
}
