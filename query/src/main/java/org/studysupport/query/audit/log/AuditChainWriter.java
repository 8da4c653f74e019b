package org.studysupport.query.audit.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Writes the audit chain's links beside the events, in the transaction that appends them. The
 * appender first takes the lock on the single head row ({@link #lockHead}), so that appends are
 * serialized and the global index is handed out in lock order, which is commit order and chain
 * order; after the events are inserted it reads them back as stored and links them ({@link #link}).
 * Events stored before the chain existed are linked once, at start, by {@link #chainEventsBeforeUpgrade}.
 */
@Component
public class AuditChainWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWriter.class);
    private static final String LOCK_HEAD = "select global_index, hash, chained, upgrade_until"
            + " from audit_chain_head where id = 1 for update";
    private static final String INSERT_LINK = "insert into audit_chain (global_index, event_identifier,"
            + " previous_hash, hash) values (?, ?, ?, ?)";
    private static final String MOVE_HEAD = "update audit_chain_head set global_index = ?, hash = ?,"
            + " chained = chained + ? where id = 1";

    private static final int UPGRADE_BATCH_IN_APPEND = 1000;
    private static final long PROGRESS_EVERY = 50_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public AuditChainWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The chain's head as locked by this transaction. */
    public record Head(Long position, String hash, long chained, Long upgradeUntil) {
    }

    /** Locks the head row until the current transaction ends; every append calls it before inserting. */
    public Head lockHead() {
        return jdbc.queryForObject(LOCK_HEAD, (row, n) -> new Head((Long) row.getObject(1, Long.class),
                row.getString(2), row.getLong(3), (Long) row.getObject(4, Long.class)));
    }

    /**
     * Links the events just inserted in this transaction (under the head lock), read back as stored,
     * in global order after the head.
     */
    public void link(Head head, Collection<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        if (head.upgradeUntil() != null) {
            // another node appends before this one chained the older events: chain them first, in order
            while (chainNextBatch(UPGRADE_BATCH_IN_APPEND) == UPGRADE_BATCH_IN_APPEND) {
                log.info("Audit chain: linking events stored before the chain existed, in an append");
            }
            head = lockHead();
        }
        String parameters = String.join(", ", Collections.nCopies(eventIdentifiers.size(), "?"));
        List<StoredEvent> events = jdbc.query("select " + StoredEvents.COLUMNS + " from domain_event_entry e"
                        + " where e.event_identifier in (" + parameters + ") order by e.global_index",
                (row, n) -> StoredEvents.read(row), eventIdentifiers.toArray());
        append(head, events);
    }

    /**
     * Links the events stored before the chain existed (up to the last event the migration saw), in
     * global order and in batches of the given size, each batch in its own transaction under the
     * head lock. Resumes where an interrupted run stopped; does nothing once they are linked.
     *
     * @return how many events it linked
     */
    public long chainEventsBeforeUpgrade(int batchSize) {
        long linked = 0;
        int batch;
        do {
            Integer done = transactions.execute(status -> chainNextBatch(batchSize));
            batch = done == null ? 0 : done;
            linked += batch;
            if (batch > 0 && linked % PROGRESS_EVERY < batchSize) {
                log.info("Audit chain: linked {} events stored before the chain existed", linked);
            }
        } while (batch == batchSize);
        if (linked > 0) {
            log.info("Audit chain: linked all {} events stored before the chain existed", linked);
        }
        return linked;
    }

    private int chainNextBatch(int batchSize) {
        Head head = lockHead();
        long after = head.position() == null ? 0 : head.position();
        if (head.upgradeUntil() == null) {
            return 0;
        }
        if (after >= head.upgradeUntil()) {
            jdbc.update("update audit_chain_head set upgrade_until = null where id = 1");
            return 0;
        }
        List<StoredEvent> events = new ArrayList<>(batchSize);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select " + StoredEvents.COLUMNS
                    + " from domain_event_entry e where e.global_index > ? and e.global_index <= ?"
                    + " order by e.global_index fetch first " + batchSize + " rows only");
            statement.setLong(1, after);
            statement.setLong(2, head.upgradeUntil());
            return statement;
        }, row -> {
            events.add(StoredEvents.read(row));
        });
        if (events.isEmpty()) {
            jdbc.update("update audit_chain_head set upgrade_until = null where id = 1");
            return 0;
        }
        append(head, events);
        return events.size();
    }

    private void append(Head head, List<StoredEvent> events) {
        List<Object[]> links = new ArrayList<>(events.size());
        String previous = head.hash();
        for (StoredEvent event : events) {
            String hash = ChainHash.of(previous, event);
            links.add(new Object[]{event.position(), event.eventId(), previous, hash});
            previous = hash;
        }
        jdbc.batchUpdate(INSERT_LINK, links);
        jdbc.update(MOVE_HEAD, events.get(events.size() - 1).position(), previous, events.size());
    }
}
