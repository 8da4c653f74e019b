package org.studysupport.command.request;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.command.sla.DatabaseSlaDeadlineIds;
import org.studysupport.command.sla.SlaDeadlineIds;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotSettings.class)
public class WriteSideConfiguration {

    @Bean
    SnapshotTriggerDefinition supportRequestSnapshotTrigger(Snapshotter snapshotter, SnapshotSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.threshold());
    }

    /** The schedule ids of the clocks' deadlines, in the application's database (see {@link SlaDeadlineIds}). */
    @Bean
    SlaDeadlineIds slaDeadlineIds(JdbcTemplate jdbc) {
        return new DatabaseSlaDeadlineIds(jdbc);
    }
}
