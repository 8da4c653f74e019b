package org.studysupport.live;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/** Drops queue changes older than the retention: they only serve clients that resume a stream. */
@Component
public class QueueChangeRetention {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LiveUpdateSettings settings;

    public QueueChangeRetention(JdbcTemplate jdbc, Clock clock, LiveUpdateSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void dropOldChanges() {
        jdbc.update("delete from queue_change where occurred_at < ?",
                Timestamp.from(clock.instant().minus(settings.retention())));
    }
}
