package org.studysupport.messaging;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studysupport.api.security.Actor;

@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    /** Correlation and trace ids from the causing message onto every message it causes. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who and why, from the command onto each of its events. */
    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(Actor.USER_ID, Actor.ROLE, Actor.HOSPITAL, Actor.REASON);
    }

    /** Picked up by Axon's Spring configuration for the event store: stored first revisions read as today's. */
    @Bean
    ClarificationRequestedUpcaster clarificationRequestedUpcaster() {
        return new ClarificationRequestedUpcaster();
    }

    /** Registered by Axon on the command gateway. */
    @Bean
    ActorMetadataInterceptor actorMetadataInterceptor() {
        return new ActorMetadataInterceptor();
    }
}
