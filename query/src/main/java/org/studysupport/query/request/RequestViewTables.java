package org.studysupport.query.request;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.ClarificationView;
import org.studysupport.api.query.CommentView;
import org.studysupport.api.query.RequestSummary;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.SlaView;
import org.studysupport.api.query.TriagePolicy;
import org.studysupport.api.request.CommentVisibility;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The request read tables, in SQL: one row per request (the columns lists filter and sort on, the
 * summary lists show, and the view as a JSON document without its comments and answered
 * clarifications), one per requested service, per assignment, per comment and per answered
 * clarification, and one per service-level clock. Writes to a request's row only succeed on the version the writer read, so two
 * writers of the same event (a redelivery, a replay beside the live projection) never both apply it.
 */
@Component
public class RequestViewTables {

    private static final String ROW_COLUMNS = "reference, status, priority, priority_rank, investigator_id, title,"
            + " acronym, search_text, submitted_at, updated_at, sla_due_at, in_triage, triage_due_at, triaged_at,"
            + " closed_at, version, document, summary";
    private static final String INSERT_ROW = "insert into request_view (" + ROW_COLUMNS + ", id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REPLACE_ROW = "update request_view set reference = ?, status = ?, priority = ?,"
            + " priority_rank = ?, investigator_id = ?, title = ?, acronym = ?, search_text = ?, submitted_at = ?,"
            + " updated_at = ?, sla_due_at = ?, in_triage = ?, triage_due_at = ?, triaged_at = ?, closed_at = ?,"
            + " version = ?, document = ?, summary = ? where id = ?";
    private static final String UPDATE_ROW_ON_VERSION = REPLACE_ROW + " and version = ?";
    /** The tables that hold parts of a request in rows of their own, by request_id. */
    private static final List<String> PARTS = List.of("request_comment", "request_clarification", "request_service",
            "assignment_view", "triage_history", "request_sla_clock");
    private static final String UPDATE_ASSIGNMENT = "update assignment_view set status = ?, responded_at = ?,"
            + " sla_due_at = ?, queue_due_at = coalesce(?, created_at) where id = ?";
    private static final String INSERT_ASSIGNMENT = "insert into assignment_view (id, request_id, service, hospital,"
            + " status, created_at, responded_at, sla_due_at, queue_due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CLOCK_VALUES = "clock = ?, assignment_id = ?, hospital = ?, service = ?, state = ?,"
            + " started_at = ?, due_at = ?, paused_at = ?, warned_at = ?, breached_at = ?, stopped_at = ?,"
            + " result_at = ?";
    private static final String INSERT_CLOCK = "insert into request_sla_clock (clock, assignment_id, hospital, service,"
            + " state, started_at, due_at, paused_at, warned_at, breached_at, stopped_at, result_at, request_id,"
            + " position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_CLOCK = "update request_sla_clock set " + CLOCK_VALUES
            + " where request_id = ? and position = ?";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ViewDocuments documents;
    private volatile Boolean postgres;

    public RequestViewTables(JdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.documents = documents;
    }

    /**
     * A request's view as last stored: without its comments and answered clarifications, which is
     * all the fold needs to go on (see {@link #whole}).
     */
    public Optional<RequestView> find(UUID requestId) {
        return jdbc.query("select document from request_view where id = ?",
                (rs, row) -> documents.read(rs.getString(1)), requestId).stream().findFirst();
    }

    /** The stored views (as {@link #find} reads them) of those of the requests that have one. */
    public Map<UUID, RequestView> findAll(Collection<UUID> requestIds) {
        Map<UUID, RequestView> views = new HashMap<>();
        if (!requestIds.isEmpty()) {
            named.query("select id, document from request_view where id in (:ids)", Map.of("ids", requestIds),
                    (RowCallbackHandler) rs -> views.put(rs.getObject(1, UUID.class), documents.read(rs.getString(2))));
        }
        return views;
    }

    /**
     * A request's view changed from {@code before} (null for a new request) to {@code after}, by
     * one event or several.
     *
     * @param addedComments the comments added on the way, each with the sequence of its event
     * @param versions      the view after each of those events, oldest first, {@code after} last: the
     *                      triage history keeps every version that waited for a coordinator
     */
    public record Change(RequestView before, RequestView after, List<SequencedComment> addedComments,
                         List<Version> versions) {

        public Change {
            if (versions.isEmpty() || versions.get(versions.size() - 1).view() != after) {
                throw new IllegalArgumentException("The versions of a change end with its view after it");
            }
        }
    }

    /** A request's view after one of its events, and when that event happened. */
    public record Version(RequestView view, Instant occurredAt) {
    }

    /**
     * Stores a request's view as changed from {@code before} (null for a new request) to
     * {@code after}, with the comments added on the way, each with the sequence of its event. The
     * request's row is written first and only on the version {@code before} was read at; when
     * another writer moved it on meanwhile, nothing is written.
     *
     * @return whether this call wrote the change
     */
    public boolean store(RequestView before, Version after, List<SequencedComment> addedComments) {
        return storeAll(List.of(new Change(before, after.view(), addedComments, List.of(after)))).get(0);
    }

    /**
     * {@link #store} for several requests at once, each statement sent once for all of them as a
     * JDBC batch.
     *
     * @return for each change, whether it was written
     */
    public List<Boolean> storeAll(List<Change> changes) {
        List<Boolean> written = writeRows(changes);
        writeParts(changes, written);
        return written;
    }

    /**
     * Replaces whatever the tables hold of a request with its view as rebuilt from all its events,
     * in the caller's transaction, which must hold the request's row lock if it has a row
     * ({@link #lock}). Readers see the old rows or the new ones, never a mix.
     *
     * @param comments every comment of the request, each with the sequence of its event
     * @param versions the view after each of its events, oldest first
     */
    public void replace(RequestView view, List<SequencedComment> comments, List<Version> versions) {
        UUID id = view.id();
        PARTS.forEach(part -> jdbc.update("delete from " + part + " where request_id = ?", id));
        List<Object> values = rowValues(view);
        values.add(id);
        boolean written = jdbc.update(REPLACE_ROW, values.toArray()) == 1 || insertRows(List.of(view))[0] == 1;
        writeParts(List.of(new Change(null, view, comments, versions)), List.of(written));
    }

    /** Locks a request's row, if it has one, until the transaction ends: as a writer of it would. */
    public void lock(UUID requestId) {
        jdbc.query("select version from request_view where id = ? for update", (rs, row) -> rs.getLong(1), requestId);
    }

    /** Deletes every row of a request that has no events (left behind by a store written beside the log). */
    public void remove(UUID requestId) {
        PARTS.forEach(part -> jdbc.update("delete from " + part + " where request_id = ?", requestId));
        jdbc.update("delete from request_view where id = ?", requestId);
    }

    /** The rows of their own of the changes whose request row was written. */
    private void writeParts(List<Change> changes, List<Boolean> written) {
        List<Object[]> services = new ArrayList<>();
        List<Object[]> newAssignments = new ArrayList<>();
        List<Object[]> changedAssignments = new ArrayList<>();
        List<Object[]> clarifications = new ArrayList<>();
        List<Object[]> comments = new ArrayList<>();
        List<Object[]> triageEnded = new ArrayList<>();
        List<Object[]> triageVersions = new ArrayList<>();
        List<Object[]> newClocks = new ArrayList<>();
        List<Object[]> changedClocks = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!written.get(i)) {
                continue;
            }
            Change change = changes.get(i);
            RequestView after = change.after();
            if (change.before() == null) {
                after.services().forEach(service -> services.add(new Object[] {after.id(), service.name()}));
            }
            assignmentRows(change.before(), after, newAssignments, changedAssignments);
            answeredClarificationRows(change.before(), after, clarifications);
            change.addedComments().forEach(c -> comments.add(new Object[] {c.comment().id(), after.id(),
                    c.sequence(), c.comment().text(), c.comment().visibility().name(), c.comment().author(),
                    time(c.comment().createdAt())}));
            triageRows(change, triageEnded, triageVersions);
            clockRows(change.before(), after, newClocks, changedClocks);
        }
        batch("insert into request_service (request_id, service) values (?, ?)", services);
        batch(INSERT_ASSIGNMENT, newAssignments);
        batch(UPDATE_ASSIGNMENT, changedAssignments);
        batch("insert into request_clarification (id, request_id, question, asked_by, asked_by_role, asked_at,"
                + " answer, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?)", clarifications);
        batch("insert into request_comment (id, request_id, sequence, text, visibility, author, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", comments);
        batch("update triage_history set valid_until = ? where request_id = ? and version = ?", triageEnded);
        batch("insert into triage_history (request_id, version, valid_from, valid_until, triage_due_at,"
                + " submitted_at, summary) values (?, ?, ?, ?, ?, ?, ?)", triageVersions);
        batch(INSERT_CLOCK, newClocks);
        batch(UPDATE_CLOCK, changedClocks);
    }

    /**
     * The clocks that started or changed between two views, as rows to insert and to update. Clocks
     * are only ever added at the end of the list, so a clock's position is its key.
     */
    private static void clockRows(RequestView before, RequestView after, List<Object[]> inserts,
                                  List<Object[]> updates) {
        List<SlaView> previous = before == null ? List.of() : before.sla();
        for (int position = 0; position < after.sla().size(); position++) {
            SlaView clock = after.sla().get(position);
            if (position >= previous.size()) {
                inserts.add(clockValues(clock, after.id(), position));
            } else if (!previous.get(position).equals(clock)) {
                updates.add(clockValues(clock, after.id(), position));
            }
        }
    }

    private static Object[] clockValues(SlaView clock, UUID requestId, int position) {
        return new Object[] {clock.clock(), clock.assignmentId(), clock.hospital(),
                clock.service() == null ? null : clock.service().name(), clock.state(), time(clock.startedAt()),
                time(clock.dueAt()), time(clock.pausedAt()), time(clock.warnedAt()), time(clock.breachedAt()),
                time(clock.stoppedAt()), time(resultAt(clock)), requestId, position};
    }

    /** When the clock's result became known: its breach, or its stop; null while it runs unbreached. */
    private static Instant resultAt(SlaView clock) {
        if (clock.breachedAt() != null) {
            return clock.breachedAt();
        }
        return clock.stoppedAt();
    }

    /**
     * The due time of the assignment's running hospital-response or delivery clock (a breached one
     * that still runs included), or null while none runs.
     */
    private static Instant assignmentDueAt(RequestView view, UUID assignmentId) {
        return view.sla().stream()
                .filter(clock -> assignmentId.equals(clock.assignmentId()) && clock.running())
                .map(SlaView::dueAt)
                .findFirst().orElse(null);
    }

    /**
     * Inserts the new requests' rows (unless present) and updates the others' on the version read.
     *
     * @return for each change, whether its row was written
     */
    private List<Boolean> writeRows(List<Change> changes) {
        List<Change> inserts = changes.stream().filter(c -> c.before() == null).toList();
        List<Change> updates = changes.stream().filter(c -> c.before() != null).toList();
        int[] inserted = insertRows(inserts.stream().map(Change::after).toList());
        int[] updated = updates.isEmpty() ? new int[0] : jdbc.batchUpdate(UPDATE_ROW_ON_VERSION, updates.stream().map(c -> {
            List<Object> values = rowValues(c.after());
            values.add(c.after().id());
            values.add(c.before().version());
            return values.toArray();
        }).toList());
        Map<Change, Boolean> written = new IdentityHashMap<>();
        for (int i = 0; i < inserts.size(); i++) {
            written.put(inserts.get(i), inserted[i] == 1);
        }
        for (int i = 0; i < updates.size(); i++) {
            written.put(updates.get(i), updated[i] == 1);
        }
        return changes.stream().map(written::get).toList();
    }

    /**
     * Inserts first views; a request that has a row already is left as it is (another writer stored
     * it first), but a reference that is already another request's is refused.
     *
     * @return for each view, 1 if inserted, 0 if not
     */
    private int[] insertRows(List<RequestView> views) {
        int[] inserted = new int[views.size()];
        if (views.isEmpty()) {
            return inserted;
        }
        if (isPostgres()) {
            int[] counts = jdbc.batchUpdate(INSERT_ROW + " on conflict do nothing",
                    views.stream().map(this::insertValues).toList());
            System.arraycopy(counts, 0, inserted, 0, counts.length);
        } else {
            for (int i = 0; i < views.size(); i++) {
                try {
                    inserted[i] = jdbc.update(INSERT_ROW, insertValues(views.get(i)));
                } catch (DuplicateKeyException storedFirst) {
                    inserted[i] = 0;
                }
            }
        }
        for (int i = 0; i < views.size(); i++) {
            RequestView view = views.get(i);
            if (inserted[i] != 1 && find(view.id()).isEmpty()) {
                throw new IllegalStateException("Reference " + view.reference() + " of request " + view.id()
                        + " is already another request's");
            }
        }
        return inserted;
    }

    private Object[] insertValues(RequestView view) {
        List<Object> values = rowValues(view);
        values.add(view.id());
        return values.toArray();
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /**
     * The triage history of a change: the version it started from stops standing in the queue when
     * the first event of the change happened, and each version that waits for a coordinator stands
     * from its own event until the next one (or from now on, for the last).
     */
    private void triageRows(Change change, List<Object[]> ended, List<Object[]> versions) {
        RequestView previous = change.before();
        if (previous != null && TriagePolicy.waitsForCoordinator(previous)) {
            ended.add(new Object[] {time(change.versions().get(0).occurredAt()), previous.id(), previous.version()});
        }
        List<Version> all = change.versions();
        for (int i = 0; i < all.size(); i++) {
            RequestView version = all.get(i).view();
            if (TriagePolicy.waitsForCoordinator(version)) {
                Instant until = i + 1 < all.size() ? all.get(i + 1).occurredAt() : null;
                versions.add(new Object[] {version.id(), version.version(), time(all.get(i).occurredAt()), time(until),
                        time(TriagePolicy.triageDueAt(version)), time(version.submittedAt()),
                        documents.writeSummary(RequestSummary.of(version))});
            }
        }
    }

    /** The clarifications answered between two views, as rows of their own. */
    private static void answeredClarificationRows(RequestView before, RequestView after, List<Object[]> rows) {
        Set<UUID> answeredBefore = before == null ? Set.of() : before.clarifications().stream()
                .filter(c -> c.answer() != null).map(ClarificationView::id).collect(Collectors.toSet());
        after.clarifications().stream()
                .filter(c -> c.answer() != null && !answeredBefore.contains(c.id()))
                .forEach(c -> rows.add(new Object[] {c.id(), after.id(), c.question(), c.askedBy(),
                        c.askedByRole(), time(c.askedAt()), c.answer(), time(c.answeredAt())}));
    }

    /**
     * The whole view: the stored document with the parts kept in rows of their own, the answered
     * clarifications before the open one (a question is asked only when none is open) and the
     * comments in the order they were added.
     */
    public RequestView whole(RequestView stored) {
        List<ClarificationView> clarifications = new ArrayList<>(jdbc.query("select id, question, asked_by,"
                        + " asked_by_role, asked_at, answer, answered_at from request_clarification"
                        + " where request_id = ? order by asked_at, id",
                (rs, row) -> new ClarificationView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getTimestamp(7).toInstant()), stored.id()));
        clarifications.addAll(stored.clarifications());
        return stored.toBuilder().clarifications(clarifications).comments(comments(stored.id())).build();
    }

    /** A comment and the sequence number of the event that added it, which orders a request's comments. */
    public record SequencedComment(long sequence, CommentView comment) {
    }

    /** The assignments that are new or changed between two views of a request, as rows to insert and to update. */
    private static void assignmentRows(RequestView before, RequestView after, List<Object[]> inserts,
                                       List<Object[]> updates) {
        List<AssignmentView> previous = before == null ? List.of() : before.assignments();
        for (AssignmentView assignment : after.assignments()) {
            Optional<AssignmentView> earlier = previous.stream().filter(a -> a.id().equals(assignment.id())).findFirst();
            Instant due = assignmentDueAt(after, assignment.id());
            if (earlier.isEmpty()) {
                inserts.add(new Object[] {assignment.id(), after.id(), assignment.service().name(),
                        assignment.hospital(), assignment.status().name(), time(assignment.createdAt()),
                        time(assignment.respondedAt()), time(due), time(due == null ? assignment.createdAt() : due)});
            } else if (!earlier.get().equals(assignment)
                    || !Objects.equals(due, assignmentDueAt(before, assignment.id()))) {
                updates.add(new Object[] {assignment.status().name(), time(assignment.respondedAt()), time(due),
                        time(due), assignment.id()});
            }
        }
    }

    private List<CommentView> comments(UUID requestId) {
        return jdbc.query("select id, text, visibility, author, created_at from request_comment"
                        + " where request_id = ? order by sequence",
                (rs, row) -> new CommentView(rs.getObject(1, UUID.class), rs.getString(2),
                        CommentVisibility.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), requestId);
    }

    /** Empties every request read table, before a rebuild from the log. */
    public void clear() {
        PARTS.forEach(part -> jdbc.update("delete from " + part));
        jdbc.update("delete from request_view");
    }

    private List<Object> rowValues(RequestView view) {
        List<Object> values = new ArrayList<>();
        values.add(view.reference());
        values.add(view.status().name());
        values.add(view.priority() == null ? null : view.priority().name());
        // LOW 0 … URGENT 3; null until accepted, so that such requests sort last either way
        values.add(view.priority() == null ? null : view.priority().ordinal());
        values.add(view.investigatorId());
        values.add(view.title());
        values.add(view.acronym());
        values.add(String.join(" ", view.reference(), view.title(), view.acronym() == null ? "" : view.acronym())
                .toLowerCase(Locale.ROOT));
        values.add(time(view.submittedAt()));
        values.add(time(view.updatedAt()));
        values.add(time(TriagePolicy.slaDueAt(view)));
        values.add(TriagePolicy.waitsForCoordinator(view));
        values.add(time(TriagePolicy.triageDueAt(view)));
        values.add(time(view.triagedAt()));
        values.add(time(view.closedAt()));
        values.add(view.version());
        values.add(documents.write(view.toBuilder().comments(List.of())
                .clarifications(view.clarifications().stream().filter(c -> c.answer() == null).toList()).build()));
        values.add(documents.writeSummary(RequestSummary.of(view)));
        return values;
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equalsIgnoreCase(jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }
}
