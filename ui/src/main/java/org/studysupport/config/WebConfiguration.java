package org.studysupport.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Role checks on controller methods ({@code @PreAuthorize}) and the schedulers of the live-update feed. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableScheduling
public class WebConfiguration {
}
