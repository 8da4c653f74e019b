package org.studysupport.query.queue;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.access.RequestScope;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.query.FindHospitalQueue;
import org.studysupport.api.query.FindQueueChanges;
import org.studysupport.api.query.FindQueueHead;
import org.studysupport.api.query.FindTriageQueue;
import org.studysupport.api.query.FindTriageQueueAsOf;
import org.studysupport.api.query.HospitalQueueItem;
import org.studysupport.api.query.HospitalQueuePage;
import org.studysupport.api.query.QueueChange;
import org.studysupport.api.query.QueueChanges;
import org.studysupport.api.query.RequestPage;
import org.studysupport.api.query.RequestSummary;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.query.access.ScopeSql;
import org.studysupport.query.request.ViewDocuments;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * The coordinators' triage queue, the hospitals' queues and the feed of queue changes. The triage
 * queue spans every request (its callers check that the viewer sees every request); a hospital's
 * queue is read within the viewer's scope. The feed is read in commit order (see
 * {@link QueueChangeOrder}): only numbered changes, by their number.
 */
@Component
public class QueueQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;

    public QueueQueries(NamedParameterJdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    @QueryHandler
    public RequestPage handle(FindTriageQueue query) {
        MapSqlParameterSource parameters = page(query.page(), query.size());
        Long total = jdbc.queryForObject("select count(*) from request_view where in_triage = true", parameters,
                Long.class);
        List<RequestSummary> items = jdbc.query("select summary from request_view where in_triage = true"
                        + " order by triage_due_at asc, submitted_at asc, id asc limit :limit offset :offset",
                parameters, (rs, row) -> documents.readSummary(rs.getString(1)));
        return new RequestPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    /**
     * The versions of requests that stood in the queue at that moment, from the triage history the
     * projection keeps: each waiting version with the moment of its event and of the next.
     */
    @QueryHandler
    public RequestPage handle(FindTriageQueueAsOf query) {
        MapSqlParameterSource parameters = page(query.page(), query.size())
                .addValue("asOf", Timestamp.from(query.asOf()));
        String standing = " from triage_history where valid_from <= :asOf"
                + " and (valid_until is null or valid_until > :asOf)";
        Long total = jdbc.queryForObject("select count(*)" + standing, parameters, Long.class);
        List<RequestSummary> items = jdbc.query("select summary" + standing
                        + " order by triage_due_at asc, submitted_at asc, request_id asc limit :limit offset :offset",
                parameters, (rs, row) -> documents.readSummary(rs.getString(1)));
        return new RequestPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    @QueryHandler
    public HospitalQueuePage handle(FindHospitalQueue query) {
        MapSqlParameterSource parameters = page(query.page(), query.size()).addValue("hospital", query.hospital());
        String open = " from assignment_view a join request_view r on r.id = a.request_id"
                + " where a.hospital = :hospital and a.status in ('PENDING', 'ACTIVE')"
                + ScopeSql.and(RequestScope.of(query.viewer()), "r", parameters);
        Long total = jdbc.queryForObject("select count(*)" + open, parameters, Long.class);
        List<HospitalQueueItem> items = jdbc.query("select a.id, a.request_id, a.service, a.hospital, a.status,"
                        + " a.created_at, a.responded_at, a.sla_due_at, r.reference, r.title, r.acronym,"
                        + " r.status as request_status, r.priority" + open
                        + " order by a.queue_due_at asc, a.created_at asc, a.id asc limit :limit offset :offset",
                parameters, (rs, row) -> new HospitalQueueItem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("request_id", UUID.class),
                        rs.getString("reference"),
                        rs.getString("title"),
                        rs.getString("acronym"),
                        RequestStatus.valueOf(rs.getString("request_status")),
                        rs.getString("priority") == null ? null : Priority.valueOf(rs.getString("priority")),
                        ServiceCode.valueOf(rs.getString("service")),
                        rs.getString("hospital"),
                        AssignmentStatus.valueOf(rs.getString("status")),
                        Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "responded_at"),
                        Rows.instant(rs, "sla_due_at")));
        return new HospitalQueuePage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    @QueryHandler
    public QueueChanges handle(FindQueueChanges query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("after", query.afterPosition())
                .addValue("limit", query.limit());
        List<QueueChange> changes = jdbc.query("select * from queue_change where commit_sequence > :after"
                        + " order by commit_sequence limit :limit", parameters,
                (rs, row) -> new QueueChange(
                        rs.getLong("commit_sequence"),
                        rs.getObject("request_id", UUID.class),
                        rs.getLong("version"),
                        rs.getString("reference"),
                        rs.getString("status"),
                        rs.getString("event_type"),
                        rs.getString("investigator_id"),
                        Rows.codes(rs.getString("hospitals")),
                        rs.getBoolean("in_triage"),
                        rs.getBoolean("internal_only"),
                        Rows.instant(rs, "occurred_at")));
        return new QueueChanges(changes);
    }

    @QueryHandler
    public Long handle(FindQueueHead query) {
        // the number given last, which stays when retention has deleted its row
        List<Long> head = jdbc.queryForList("select last_sequence from queue_change_order where id = 1",
                new MapSqlParameterSource(), Long.class);
        return head.isEmpty() ? 0L : head.get(0);
    }

    private static MapSqlParameterSource page(int page, int size) {
        return new MapSqlParameterSource()
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
    }
}
