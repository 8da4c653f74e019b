package org.studysupport.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studysupport.config.StudySupportProperties;

import java.time.Clock;

/** The checkpoint signer with the installation's key. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    CheckpointSigner checkpointSigner(AuditProperties audit, StudySupportProperties properties, Clock clock) {
        return new CheckpointSigner(SigningKeys.load(audit.signingKeyFile(), properties.dataDir(), clock));
    }
}
