package org.studysupport.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.studysupport.command.reference.DatabaseReferenceNumbers;
import org.studysupport.command.reference.ReferenceNumberSettings;
import org.studysupport.command.reference.ReferenceNumbers;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReferenceCounterConnections referenceCounterConnections(DataSourceProperties database) {
        return new ReferenceCounterConnections(database);
    }

    @Bean
    ReferenceNumbers referenceNumbers(ReferenceCounterConnections connections, Clock clock,
                                      StudySupportProperties properties) {
        return new DatabaseReferenceNumbers(connections.dataSource(), clock,
                new ReferenceNumberSettings(properties.timeZone()));
    }
}
