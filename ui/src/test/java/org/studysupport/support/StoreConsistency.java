package org.studysupport.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fault must never leave behind, read straight from the tables: a request whose view and
 * events disagree (a view without events, events without a view, a view at another version than
 * its last event), a reference number given twice.
 */
public final class StoreConsistency {

    private static final String LAST_EVENTS = "select aggregate_identifier, max(sequence_number) as version"
            + " from domain_event_entry where type = 'SupportRequest' group by aggregate_identifier";
    private static final String VIEW_VERSIONS = "select cast(id as varchar) as id, version from request_view";
    private static final String SUBMITTED_REFERENCES = "select convert_from(payload, 'UTF8')::json ->> 'reference'"
            + " from domain_event_entry where payload_type = 'org.studysupport.api.request.RequestSubmitted'";

    private StoreConsistency() {
    }

    /** Every request's view exists exactly when its events do, at the version of its last event. */
    public static void assertViewsAgreeWithEvents(JdbcTemplate jdbc) {
        Map<String, Long> lastEvents = new TreeMap<>();
        jdbc.query(LAST_EVENTS, row -> {
            lastEvents.put(row.getString("aggregate_identifier"), row.getLong("version"));
        });
        Map<String, Long> views = new TreeMap<>();
        jdbc.query(VIEW_VERSIONS, row -> {
            views.put(row.getString("id"), row.getLong("version"));
        });
        assertThat(views).as("each request's view against its last event's sequence number")
                .isEqualTo(lastEvents);
    }

    /** The reference numbers of every submission stored, each once (PostgreSQL only). */
    public static List<String> assertReferencesUnique(JdbcTemplate jdbc) {
        List<String> references = jdbc.queryForList(SUBMITTED_REFERENCES, String.class);
        assertThat(references).as("reference numbers in the event store").doesNotHaveDuplicates()
                .doesNotContainNull();
        return references;
    }

    /** The ids of the requests in the event store among the given ones. */
    public static List<String> stored(JdbcTemplate jdbc, Collection<String> requestIds) {
        return jdbc.queryForList("select distinct aggregate_identifier from domain_event_entry"
                + " where type = 'SupportRequest'", String.class).stream().filter(requestIds::contains).toList();
    }
}
