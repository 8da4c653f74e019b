package org.studysupport.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studysupport.command.reference.ReferenceNumberSettings;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReferenceNumberSettings referenceNumberSettings(StudySupportProperties properties) {
        return new ReferenceNumberSettings(properties.timeZone());
    }
}
