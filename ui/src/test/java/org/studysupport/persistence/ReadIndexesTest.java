package org.studysupport.persistence;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.PostgresApiTest;

import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read tables have an index for each way the lists and queues select rows: with sequential
 * scans switched off, PostgreSQL plans every such query on an index of the table it filters.
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

    /**
     * The ORDER BY as {@code RequestQueries} writes it for {@code sort=updatedAt,desc}: the index
     * gives the rows in that order. (With a handful of matching rows in the test database a sort is
     * cheaper and the planner takes it; sorting is priced out here, so the plan shows whether the
     * index can serve the order at all, as it must when the status has many rows.)
     */
    @Test
    void aStatusPageSortedByLastChangeIsReadInTheIndexsOrder() {
        assertThat(plan("set enable_sort = off", "select id from request_view r where r.status = 'IN_PROGRESS'"
                + " order by r.updated_at desc, r.submitted_at asc, r.id asc limit 20"))
                .contains("Index Scan Backward using request_view_by_status_updated");
    }

    private String plan(String query) {
        return plan("reset enable_sort", query);
    }

    private String plan(String setting, String query) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                statement.execute(setting);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("explain " + query)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                } finally {
                    statement.execute("reset enable_seqscan");
                    statement.execute("reset enable_sort");
                }
                return plan.toString();
            }
        });
    }
}
