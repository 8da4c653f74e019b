package org.studysupport.cluster;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;

/**
 * Axon's JPA token store, with a processor's first segments created by one node at a time. Nodes
 * starting together on an empty database each find no segments and create them; on PostgreSQL the
 * second insert fails on the primary key, marks the JPA transaction rollback-only, and the commit's
 * failure stops the processor from starting (Axon's coordinator expects to retry such a clash, but
 * the transaction can no longer commit). So the creation first takes a transaction-scoped advisory
 * lock and looks again: a node that waited finds the other's segments and creates none.
 */
public class SerializedInitJpaTokenStore extends JpaTokenStore {

    /** The advisory lock's key: any number no other part of the application locks. */
    static final long INITIALIZATION_LOCK = 7_373_002L;

    private final EntityManagerProvider entityManagerProvider;
    private final boolean advisoryLocks;

    /** @param advisoryLocks whether the database is PostgreSQL (the embedded H2 serves one node only) */
    public SerializedInitJpaTokenStore(Builder builder, EntityManagerProvider entityManagerProvider,
                                       boolean advisoryLocks) {
        super(builder.entityManagerProvider(entityManagerProvider));
        this.entityManagerProvider = entityManagerProvider;
        this.advisoryLocks = advisoryLocks;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        if (advisoryLocks) {
            entityManagerProvider.getEntityManager()
                    .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) as initializing")
                    .setParameter(1, INITIALIZATION_LOCK)
                    .getSingleResult();
            if (fetchSegments(processorName).length > 0) {
                return;
            }
        }
        super.initializeTokenSegments(processorName, segmentCount, initialToken);
    }
}
