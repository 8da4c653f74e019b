package org.studysupport.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studysupport.query.audit.log.AuditChainWriter;

/**
 * The event store the application uses: Axon's JPA engine as its Spring Boot auto-configuration
 * would build it, with every append linked into the audit chain; and, before the application takes
 * traffic, the links of the events stored before the chain existed. Defining the engine turns
 * Axon's JPA event store auto-configuration off, and with it the registration of its entities, which
 * is therefore repeated here.
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class AuditChainConfiguration {

    /** Events linked per transaction when chaining a store that predates the chain. */
    private static final int UPGRADE_BATCH = 1000;

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager,
                                          AuditChainWriter chain) {
        JpaEventStorageEngine.Builder builder = JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider);
        return new ChainedJpaEventStorageEngine(builder, transactionManager, chain);
    }

    /** Chains the events stored before the chain existed, once, while the application starts. */
    @Bean
    @DependsOnDatabaseInitialization
    InitializingBean chainEventsStoredBeforeTheChain(AuditChainWriter chain) {
        return () -> chain.chainEventsBeforeUpgrade(UPGRADE_BATCH);
    }
}
