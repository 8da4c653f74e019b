package org.studysupport.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything the request read tables hold about some requests, in a stable order, to compare whole. */
public final class ReadTables {

    /** The tables that hold a request's parts by {@code request_id}, besides its row in {@code request_view}. */
    public static final List<String> PARTS = List.of("request_comment", "request_clarification", "request_service",
            "assignment_view", "triage_history", "request_sla_clock");

    private ReadTables() {
    }

    /** Removes the requests from every read table (not from the change feed), as if never projected. */
    public static void forget(JdbcTemplate jdbc, List<String> requestIds) {
        for (String id : requestIds) {
            UUID requestId = UUID.fromString(id);
            PARTS.forEach(table -> jdbc.update("delete from " + table + " where request_id = ?", requestId));
            jdbc.update("delete from request_view where id = ?", requestId);
        }
    }

    /**
     * The view rows, services, assignments, comments, answered clarifications, triage history and
     * service-level clocks of the requests.
     */
    public static Map<String, Object> views(JdbcTemplate jdbc, List<String> requestIds) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (String id : requestIds) {
            UUID requestId = UUID.fromString(id);
            rows.put(id + " view", jdbc.queryForList("select * from request_view where id = ?", requestId));
            rows.put(id + " services", jdbc.queryForList(
                    "select * from request_service where request_id = ? order by service", requestId));
            rows.put(id + " assignments", jdbc.queryForList(
                    "select * from assignment_view where request_id = ? order by created_at, id", requestId));
            rows.put(id + " comments", jdbc.queryForList(
                    "select * from request_comment where request_id = ? order by sequence", requestId));
            rows.put(id + " clarifications", jdbc.queryForList(
                    "select * from request_clarification where request_id = ? order by asked_at", requestId));
            rows.put(id + " triage history", jdbc.queryForList(
                    "select * from triage_history where request_id = ? order by version", requestId));
            rows.put(id + " clocks", jdbc.queryForList(
                    "select * from request_sla_clock where request_id = ? order by position", requestId));
        }
        return rows;
    }

    /** {@link #views} and the requests' rows in the change feed (without their positions). */
    public static Map<String, Object> viewsAndChanges(JdbcTemplate jdbc, List<String> requestIds) {
        Map<String, Object> rows = views(jdbc, requestIds);
        for (String id : requestIds) {
            rows.put(id + " changes", jdbc.queryForList("select request_id, version, reference, status, event_type,"
                    + " investigator_id, hospitals, in_triage, internal_only, occurred_at from queue_change"
                    + " where request_id = ? order by version", UUID.fromString(id)));
        }
        return rows;
    }
}
