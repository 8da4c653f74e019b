package org.studysupport.query.audit.log;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.studysupport.query.audit.log.ChainVerification.Anchor;
import org.studysupport.query.audit.log.ChainVerification.Failure;
import org.studysupport.query.audit.log.ChainVerification.Problem;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Recomputes the audit chain from the stored events: two cursors, events and links, both in global
 * order, read in one snapshot of the database (a repeatable-read transaction, so that an append
 * committing meanwhile is seen in both or in neither) and merged.
 */
@Component
public class AuditChainVerifier {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    public AuditChainVerifier(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /** Checks the whole log, and that it contains the anchor when one is given (may be null). */
    public ChainVerification verify(Anchor anchor) {
        return snapshot.execute(status -> jdbc.execute((ConnectionCallback<ChainVerification>)
                connection -> verify(connection, anchor)));
    }

    private ChainVerification verify(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement eventQuery = cursor(connection, "select " + StoredEvents.COLUMNS
                + " from domain_event_entry e order by e.global_index");
             PreparedStatement linkQuery = cursor(connection, "select global_index, event_identifier,"
                     + " previous_hash, hash from audit_chain order by global_index");
             ResultSet events = eventQuery.executeQuery();
             ResultSet links = linkQuery.executeQuery()) {
            Walk walk = new Walk(anchor);
            StoredEvent event = events.next() ? StoredEvents.read(events) : null;
            Link link = links.next() ? Link.read(links) : null;
            while (event != null || link != null) {
                if (link == null || (event != null && event.position() < link.position())) {
                    walk.unlinked(event);
                    event = events.next() ? StoredEvents.read(events) : null;
                } else if (event == null || link.position() < event.position()) {
                    walk.withoutEvent(link);
                    link = links.next() ? Link.read(links) : null;
                } else {
                    walk.linked(event, link);
                    event = events.next() ? StoredEvents.read(events) : null;
                    link = links.next() ? Link.read(links) : null;
                }
            }
            return walk.result(clock);
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        return Cursors.open(connection, sql);
    }

    private record Link(long position, String eventId, String previousHash, String hash) {
        static Link read(ResultSet row) throws SQLException {
            return new Link(row.getLong(1), row.getString(2), row.getString(3), row.getString(4));
        }
    }

    /** The state of the walk along the chain: the previous link, the counts, the first failure. */
    private static final class Walk {
        private final Anchor anchor;
        private boolean anchorPending;
        private String previousHash = ChainHash.GENESIS;
        private Long headPosition;
        private long events;
        private long unchained;
        private Failure failure;

        Walk(Anchor anchor) {
            this.anchor = anchor;
            this.anchorPending = anchor != null;
        }

        void unlinked(StoredEvent event) {
            passing(event.position());
            events++;
            unchained++;
            fail(event.position(), event.eventId(), Problem.INSERTED, "The event at position " + event.position()
                    + " (" + event.eventId() + ", " + event.simpleType() + ") has no link in the chain: it was"
                    + " stored without the application.");
        }

        void withoutEvent(Link link) {
            passing(link.position());
            fail(link.position(), link.eventId(), Problem.REMOVED, "The event at position " + link.position()
                    + " (" + link.eventId() + ") is missing: its link is still in the chain.");
            follow(link);
        }

        void linked(StoredEvent event, Link link) {
            passing(link.position());
            events++;
            if (failure == null) {
                if (!link.previousHash().equals(previousHash)) {
                    fail(link.position(), event.eventId(), Problem.REMOVED, "The link at position "
                            + link.position() + " does not follow the previous link"
                            + (headPosition == null ? "" : " (position " + headPosition + ")")
                            + ": events and their links before it were removed or replaced.");
                } else if (!link.eventId().equals(event.eventId())) {
                    fail(link.position(), event.eventId(), Problem.BROKEN_LINK, "The link at position "
                            + link.position() + " belongs to event " + link.eventId() + ", but event "
                            + event.eventId() + " is stored there.");
                } else if (!ChainHash.of(link.previousHash(), event).equals(link.hash())) {
                    fail(link.position(), event.eventId(), Problem.ALTERED, "The event at position "
                            + link.position() + " (" + event.eventId() + ", " + event.simpleType()
                            + ") is not the event that was linked: it was changed after it was stored.");
                }
            }
            if (anchorPending && anchor.position() == link.position()) {
                anchorPending = false;
                if (!anchor.hash().equals(link.hash())) {
                    fail(link.position(), link.eventId(), Problem.ANCHOR_MISMATCH, "The link at position "
                            + link.position() + " has another hash than the anchor: the log no longer"
                            + " extends the head you were given.");
                }
            }
            follow(link);
        }

        ChainVerification result(Clock clock) {
            passing(Long.MAX_VALUE);
            return new ChainVerification(failure == null, events, previousHash, headPosition, unchained,
                    clock.instant(), failure);
        }

        private void follow(Link link) {
            previousHash = link.hash();
            headPosition = link.position();
            unchained = 0;
        }

        /** The walk reaches a position: an anchor before it that was not met is not in the log. */
        private void passing(long position) {
            if (anchorPending && position > anchor.position()) {
                anchorPending = false;
                fail(anchor.position(), null, Problem.ANCHOR_MISMATCH, "The log has no link at position "
                        + anchor.position() + ": it does not extend the head you were given.");
            }
        }

        private void fail(long position, String eventId, Problem problem, String detail) {
            if (failure == null) {
                failure = new Failure(position, eventId, problem, detail);
            }
        }
    }
}
