package org.studysupport.config;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studysupport.query.request.RequestViewProjection;

/**
 * Axon's token store, with this node's name taken from configuration when one is set, and the
 * request view's failures made the command's failures.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {


    /**
     * The request view is written in the command's transaction: a failure there must fail the
     * command (Axon's default would log it and commit the events without their view).
     */
    @Bean
    ConfigurerModule requestViewFailsItsCommand() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                RequestViewProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
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
