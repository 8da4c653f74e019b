package org.studysupport.config;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's token store, with this node's name taken from configuration when one is set. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {


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
