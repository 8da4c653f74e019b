package org.studysupport.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.cluster.ClusterNodes;
import org.studysupport.cluster.ClusterSettings;
import org.studysupport.cluster.SerializedInitJpaTokenStore;
import org.studysupport.query.request.RequestViewProjection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Axon on several nodes sharing one database: the token store claims segments in this node's name
 * (and creates a processor's first segments on one node at a time);
 * the streaming processors share their segments out among the nodes alive ({@link ClusterNodes}),
 * and renew their claims well within the claim timeout; a command that lost an optimistic-concurrency
 * race to another node is sent again ({@link ConflictRetryScheduler}). And the request view's
 * failures are the command's failures.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CommandRetrySettings.class, ClusterSettings.class})
public class AxonConfiguration {

    /** A segment's claim is renewed when a third of the claim timeout has passed without work on it. */
    private static final int CLAIM_RENEWALS_PER_TIMEOUT = 3;

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
                          TokenStoreProperties tokenStoreProperties, StudySupportProperties properties,
                          DataSource dataSource) throws SQLException {
        JpaTokenStore.Builder builder = JpaTokenStore.builder()
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(properties.nodeName());
        return new SerializedInitJpaTokenStore(builder, entityManagerProvider, isPostgres(dataSource));
    }

    private static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    @Bean(destroyMethod = "close")
    ClusterNodes clusterNodes(JdbcTemplate jdbc, Clock clock, StudySupportProperties properties,
                              TokenStoreProperties tokenStoreProperties, ClusterSettings settings) {
        return new ClusterNodes(jdbc, clock, properties.nodeName(), tokenStoreProperties.getClaimTimeout(), settings);
    }

    /** Every pooled streaming processor claims its share of segments, and renews its claims in time. */
    @Bean
    ConfigurerModule segmentsSharedAmongNodes(ClusterNodes nodes, TokenStoreProperties tokenStoreProperties) {
        long renewAfter = tokenStoreProperties.getClaimTimeout().toMillis() / CLAIM_RENEWALS_PER_TIMEOUT;
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.maxSegmentProvider(nodes).claimExtensionThreshold(renewAfter));
    }

    /** Sends a command again after it lost a race; its threads stop with the application. */
    @Bean(destroyMethod = "close")
    ConflictRetryScheduler conflictRetryScheduler(CommandRetrySettings settings, MeterRegistry meters) {
        return new ConflictRetryScheduler(settings, meters);
    }

    /**
     * Axon's gateway, with conflicts retried. Axon registers the dispatch interceptors (who and why)
     * on it; they run once, before the first attempt, and the retries send the same message.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler conflictRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(conflictRetryScheduler)
                .build();
    }
}
