package org.studysupport.persistence;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.PostgresApiTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read tables have an index for each way the lists and queues select rows: over a table of
 * production's shape, and with sequential scans switched off, PostgreSQL plans every such query on
 * an index of the table it filters.
 */
class ReadIndexesTest extends PostgresApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void freeTextSearchUsesTheTrigramIndex() {
        assertThat(plan("select id from request_view where search_text like '%colchi%'"))
                .contains("request_view_search").doesNotContain("Seq Scan");
    }

    @Test
    void serviceFilterUsesTheRequestServiceIndex() {
        assertThat(plan("select id from request_view r where exists (select 1 from request_service s"
                + " where s.request_id = r.id and s.service = 'MONITORING')"))
                .contains("request_service_pkey").doesNotContain("Seq Scan");
    }

    @Test
    void hospitalScopeUsesTheAssignmentIndex() {
        assertThat(plan("select id from request_view r where exists (select 1 from assignment_view v"
                + " where v.request_id = r.id and v.hospital = 'OUS')"))
                .containsAnyOf("assignment_view_by_hospital_request", "assignment_view_by_hospital")
                .doesNotContain("Seq Scan");
    }

    @Test
    void queuesUseTheirOrderingIndexes() {
        assertThat(plan("select id from request_view where in_triage = true order by triage_due_at limit 20"))
                .contains("request_view_triage").doesNotContain("Seq Scan");
        assertThat(plan("select id from assignment_view where hospital = 'OUS' and status in ('PENDING', 'ACTIVE')"
                + " order by queue_due_at limit 20"))
                .containsPattern("Index (Only )?Scan using assignment_view_\\w+ on assignment_view")
                .doesNotContain("Seq Scan");
    }

    /** The service-level results of a period, as {@code StatisticsQueries} and recommendations read them. */
    @Test
    void serviceLevelResultsOfAPeriodAreReadFromTheClockIndexAlone() {
        assertThat(plan("select clock, hospital, sum(case when state = 'MET' then 1 else 0 end) as met,"
                + " sum(case when state = 'BREACHED' then 1 else 0 end) as breached from request_sla_clock"
                + " where result_at is not null and result_at >= '2031-03-01T00:00:00Z'"
                + " and result_at < '2031-04-01T00:00:00Z' group by clock, hospital"))
                .contains("Index Only Scan using request_sla_clock_by_result").doesNotContain("Seq Scan");
        assertThat(plan("select hospital, clock, state, count(*) as clocks from request_sla_clock"
                + " where result_at >= '2031-03-01T00:00:00Z' and clock in ('HOSPITAL_RESPONSE', 'DELIVERY')"
                + " group by hospital, clock, state"))
                .contains("Index Only Scan using request_sla_clock_by_result").doesNotContain("Seq Scan");
    }

    @Test
    void investigatorsOwnRequestsUseTheInvestigatorIndex() {
        assertThat(plan("select id from request_view where investigator_id = 'investigator1'"
                + " order by submitted_at desc limit 20"))
                .contains("request_view_by_investigator").doesNotContain("Seq Scan");
    }

    /** The ORDER BY as {@code RequestQueries} writes it for {@code sort=updatedAt,desc}. */
    @Test
    void aStatusPageSortedByLastChangeIsReadInTheIndexsOrder() {
        assertThat(plan("select id from request_view r where r.status = 'IN_PROGRESS'"
                + " order by r.updated_at desc, r.submitted_at asc, r.id asc limit 20"))
                .contains("Index Scan Backward using request_view_by_status_updated");
    }

    @BeforeEach
    void oneRequestToCopy() {
        submit(unique("Index plans"), "MONITORING");
    }

    /**
     * The query's plan over a table shaped as in production: besides what the tests stored, 20,000
     * requests of 2,000 investigators spread over the statuses and two weeks, with fresh statistics.
     * (The test database alone is small and skewed, a few investigators with all the requests, and
     * on it PostgreSQL rightly prefers other plans.) The rows and the statistics are written in a
     * transaction that is rolled back, so no other test sees them.
     */
    private String plan(String query) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(productionShapedRows(connection));
                statement.execute("analyze request_view");
                statement.execute("set local enable_seqscan = off");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("explain " + query)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /** Copies of one stored request with their own id, reference, investigator, status and times. */
    private static String productionShapedRows(Connection connection) throws SQLException {
        Map<String, String> chosen = Map.of(
                "id", "gen_random_uuid()",
                "reference", "'IDX-' || g",
                "investigator_id", "'synthetic-investigator-' || (g % 2000)",
                "status", "(array['SUBMITTED','AWAITING_INFO','ACCEPTED','IN_PROGRESS','COMPLETED','REJECTED',"
                        + "'WITHDRAWN'])[1 + g % 7]",
                "submitted_at", "now() - make_interval(mins => g)",
                "updated_at", "now() - make_interval(mins => (g * 7919) % 20000)",
                "in_triage", "false");
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, null, "request_view", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        String values = columns.stream().map(column -> chosen.getOrDefault(column, "t." + column))
                .collect(Collectors.joining(", "));
        return "insert into request_view (" + String.join(", ", columns) + ") select " + values
                + " from (select * from request_view limit 1) t, generate_series(1, 20000) g";
    }
}
