package org.studysupport.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.studysupport.query.audit.log.AuditChainWriter;

import java.util.List;

/**
 * Axon's JPA event storage engine, with each append linked into the audit chain in its own
 * transaction (ADR 0010): the head lock first, so that appends are serialized and global indexes are
 * handed out in chain order; then Axon's insert (which flushes); then the links of the rows as stored.
 * In a command's transaction all of it runs just before the transaction commits, after the request
 * view's writes, so the head lock is held for the insert, the links and the commit only. Snapshots
 * are not chained.
 */
public class ChainedJpaEventStorageEngine extends JpaEventStorageEngine {

    private final AuditChainWriter chain;
    private final TransactionManager transactions;

    public ChainedJpaEventStorageEngine(Builder builder, TransactionManager transactions, AuditChainWriter chain) {
        super(builder.transactionManager(transactions));
        this.transactions = transactions;
        this.chain = chain;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    appendLinked(events, serializer);
                }
            });
        } else {
            transactions.executeInTransaction(() -> appendLinked(events, serializer));
        }
    }

    private void appendLinked(List<? extends EventMessage<?>> events, Serializer serializer) {
        AuditChainWriter.Head head = chain.lockHead();
        super.appendEvents(events, serializer);
        chain.link(head, events.stream().map(EventMessage::getIdentifier).toList());
    }
}
