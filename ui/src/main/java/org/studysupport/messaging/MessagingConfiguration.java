package org.studysupport.messaging;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studysupport.api.security.Actor;

import java.util.List;

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

    /** Stored submissions with a plaintext contact (revision 1) read as revision 2, the contact marked unsealed. */
    @Bean
    RequestSubmittedUpcaster requestSubmittedUpcaster() {
        return new RequestSubmittedUpcaster();
    }

    /**
     * Who, why and the trace from a deadline onto the events it causes, as the command bus does for
     * commands: Axon registers no correlation on the deadline manager. A clock's deadline carries the
     * system as its actor and the trace of the command that scheduled it (see SlaDeadlines).
     */
    @Bean
    SmartInitializingSingleton deadlineCorrelation(ObjectProvider<DeadlineManager> deadlineManager,
                                                   List<CorrelationDataProvider> providers) {
        return () -> deadlineManager.ifAvailable(manager ->
                manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers)));
    }

    /** Registered by Axon on the command gateway. */
    @Bean
    ActorMetadataInterceptor actorMetadataInterceptor() {
        return new ActorMetadataInterceptor();
    }
}
