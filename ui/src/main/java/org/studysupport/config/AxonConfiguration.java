package org.studysupport.config;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** Axon's token store and the event source of the processors, tuned for this application. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Named as the {@code source} of the pooled processors in application.yml. */
    @Bean
    PromptEventSource promptEventSource(EmbeddedEventStore eventStore, TaskScheduler scheduler,
                                        StudySupportProperties properties) {
        return new PromptEventSource(eventStore, scheduler, properties.remoteEventsTick());
    }

    @Bean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                          TokenStoreProperties tokenStoreProperties, StudySupportProperties properties) {
        JpaTokenStore.Builder builder = JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout());
        if (properties.nodeId() != null && !properties.nodeId().isBlank()) {
            builder.nodeId(properties.nodeId());
        }
        return builder.build();
    }
}
