package org.studysupport.query.audit.log;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit log, events with their chain links, in global order, one row at a time from a
 * database cursor (a read-only transaction with a fetch size: PostgreSQL only streams so), never
 * holding more than one fetch in memory.
 */
@Component
public class AuditLogReader {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public AuditLogReader(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(Cursors.FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Receives the exported events one by one. */
    @FunctionalInterface
    public interface Sink {
        void accept(LoggedEvent event) throws IOException;
    }

    /** Passes every event the filter selects, oldest first, to the sink. */
    public void export(ExportFilter filter, Sink sink) throws IOException {
        StringBuilder sql = new StringBuilder("select ").append(StoredEvents.COLUMNS)
                .append(", c.previous_hash, c.hash from domain_event_entry e")
                .append(" left join audit_chain c on c.global_index = e.global_index where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" and e.time_stamp >= ?");
            parameters.add(ExportFilter.storedForm(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and e.time_stamp < ?");
            parameters.add(ExportFilter.storedForm(filter.to()));
        }
        if (filter.aggregateId() != null) {
            sql.append(" and e.aggregate_identifier = ?");
            parameters.add(filter.aggregateId());
        }
        if (filter.type() != null) {
            // narrows in SQL; the exact simple name is compared below
            sql.append(" and e.payload_type like ?");
            parameters.add("%" + filter.type());
        }
        sql.append(" order by e.global_index");
        try {
            readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
                PreparedStatement statement = Cursors.open(connection, sql.toString());
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return statement;
            }, row -> {
                StoredEvent event = StoredEvents.read(row);
                if (filter.type() != null && !filter.type().equals(event.simpleType())) {
                    return;
                }
                StoredMetadata metadata = StoredMetadata.read(event.metadata());
                LoggedEvent logged = new LoggedEvent(event, metadata.actorId(), metadata.actorRole(),
                        metadata.reason(), row.getString(StoredEvents.COLUMN_COUNT + 1),
                        row.getString(StoredEvents.COLUMN_COUNT + 2));
                if (filter.actor() != null && !filter.actor().equals(logged.actorId())) {
                    return;
                }
                try {
                    sink.accept(logged);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The last link of the chain as committed: its position (null when the log is empty) and hash. */
    public record ChainHead(Long position, String hash) {
    }

    public ChainHead head() {
        return jdbc.queryForObject("select global_index, hash from audit_chain_head where id = 1",
                (row, n) -> new ChainHead((Long) row.getObject(1, Long.class), row.getString(2)));
    }

}
