package org.studysupport.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** What the {@code prod} profile adds: the check of its settings at start. */
@Configuration(proxyBeanMethods = false)
@Profile(ProductionSettings.PROFILE)
public class ProductionConfiguration {

    /** Static: a bean factory post-processor is made before any other bean. */
    @Bean
    static ProductionSettings productionSettings() {
        return new ProductionSettings();
    }
}
