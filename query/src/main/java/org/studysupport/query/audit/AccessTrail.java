package org.studysupport.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.studysupport.api.security.Actor;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The access trail: every read of the audit trail (a history, a state as of a moment, an export, a
 * verification, a checkpoint) is recorded with who, what, when and the answer's status, in table
 * {@code audit_access}. {@link #record} writes synchronously, in its own statement: when it returns
 * the row is stored, so an answer sent after it is always on the trail. Auditors read the trail back
 * with {@link #stream}, oldest first, through a database cursor.
 */
@Component
public class AccessTrail {

    public static final String HISTORY = "HISTORY";
    public static final String AS_OF_REQUEST = "AS_OF_REQUEST";
    public static final String AS_OF_TRIAGE_QUEUE = "AS_OF_TRIAGE_QUEUE";
    public static final String EXPORT_EVENTS = "EXPORT_EVENTS";
    public static final String EXPORT_ACCESS = "EXPORT_ACCESS";
    public static final String VERIFY = "VERIFY";
    public static final String CHECKPOINT = "CHECKPOINT";

    /** The status of an answered read. */
    public static final int ANSWERED = 200;
    static final int MAX_DETAIL = 2000;
    static final int MAX_TARGET = 255;
    /** Rows fetched per round trip while streaming: bounded memory whatever the trail's length. */
    private static final int FETCH_SIZE = 500;
    private static final String INSERT = "insert into audit_access (at, user_id, role, action, target, detail,"
            + " outcome) values (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    public AccessTrail(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** Records an answered read (outcome 200). */
    public void record(Actor actor, String action, String target, String detail) {
        record(actor, action, target, detail, ANSWERED);
    }

    /**
     * Records a read with the status it was answered with, e.g. 403 or 404 for a refused one. The row
     * is committed in a transaction of its own before this returns, whatever the caller's transaction.
     */
    public void record(Actor actor, String action, String target, String detail, int outcome) {
        if (actor == null || action == null || action.isBlank()) {
            throw new IllegalArgumentException("an access is recorded with its actor and action");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ownTransaction.executeWithoutResult(status -> jdbc.update(INSERT, Timestamp.from(at), actor.id(),
                actor.role().name(), action, cut(target, MAX_TARGET), cut(detail, MAX_DETAIL), outcome));
    }

    /**
     * Hands the records matching the filter to {@code each}, oldest first, read through a cursor in
     * a read-only transaction (PostgreSQL streams only inside one); never holds more than a fetch.
     */
    public void stream(AccessFilter filter, Consumer<AccessRecord> each) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add("at >= ?");
            arguments.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("at < ?");
            arguments.add(Timestamp.from(filter.to()));
        }
        if (filter.actor() != null) {
            conditions.add("user_id = ?");
            arguments.add(filter.actor());
        }
        String sql = "select id, at, user_id, role, action, target, detail, outcome from audit_access"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by at, id";
        RowCallbackHandler handOn = rs -> each.accept(row(rs));
        readOnly.executeWithoutResult(status -> cursor.query(sql, handOn, arguments.toArray()));
    }

    private static AccessRecord row(ResultSet rs) throws SQLException {
        return new AccessRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
