package org.studysupport.query.insight;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.FindStatistics;
import org.studysupport.api.query.FindTriageTimes;
import org.studysupport.api.query.Statistics;
import org.studysupport.api.query.TriageTimes;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.sla.Clock;
import org.studysupport.query.queue.Rows;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and durations over the requests submitted in [from, to), from the read tables only.
 * Time to triage runs from submission to acceptance or rejection; time to hospital response from an
 * assignment's creation to its acknowledgement or decline; time to completion from submission to
 * the request's completion.
 * Service-level results are the exception: a clock counts in the period its result became known in
 * (breached when it breached, or when it stopped after its due time; met when it stopped in time),
 * whenever its request was submitted, so that a period's figures are final once it is over. A clock
 * that runs unbreached has no result yet and is not counted.
 */
@Component
public class StatisticsQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public StatisticsQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Statistics handle(FindStatistics query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String period = period(query, parameters);

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (RequestStatus status : RequestStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byService = new LinkedHashMap<>();
        for (ServiceCode service : ServiceCode.values()) {
            byService.put(service.name(), 0L);
        }
        jdbc.query("select r.status, count(*) as requests from request_view r where " + period
                + " group by r.status", parameters, rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("requests"));
                });
        jdbc.query("select s.service, count(*) as requests from request_service s"
                + " join request_view r on r.id = s.request_id where " + period + " group by s.service", parameters,
                rs -> {
                    byService.put(rs.getString("service"), rs.getLong("requests"));
                });

        Map<String, Map<String, Long>> byHospital = new TreeMap<>();
        jdbc.query("select a.hospital, a.status, count(*) as assignments from assignment_view a"
                + " join request_view r on r.id = a.request_id where " + period
                + " group by a.hospital, a.status", parameters, rs -> {
                    byHospital.computeIfAbsent(rs.getString("hospital"), h -> new TreeMap<>())
                            .put(rs.getString("status"), rs.getLong("assignments"));
                });

        Statistics.Duration triage = durations("select r.submitted_at as started, r.triaged_at as stopped"
                + " from request_view r where r.triaged_at is not null and " + period, parameters);
        Statistics.Duration response = durations("select a.created_at as started, a.responded_at as stopped"
                + " from assignment_view a join request_view r on r.id = a.request_id"
                + " where a.responded_at is not null and " + period, parameters);
        Statistics.Duration completion = durations("select r.submitted_at as started, r.closed_at as stopped"
                + " from request_view r where r.status = 'COMPLETED' and " + period, parameters);

        long requests = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Statistics(query.from(), query.to(), requests, byStatus, byService, byHospital, triage,
                response, completion, slaResults(query));
    }

    /**
     * Time to triage in bands: the same requests and the same durations as the statistics'
     * {@code timeToTriage} for the same period, counted per band instead of summed up.
     */
    @QueryHandler
    public TriageTimes handle(FindTriageTimes query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String period = period(new FindStatistics(query.from(), query.to()), parameters);
        List<Duration> durations = new ArrayList<>();
        jdbc.query("select r.submitted_at as started, r.triaged_at as stopped from request_view r"
                + " where r.triaged_at is not null and " + period, parameters, rs -> {
                    durations.add(Duration.between(Rows.instant(rs, "started"), Rows.instant(rs, "stopped")));
                });
        return TriageTimes.of(durations);
    }

    /** Met and breached clocks per clock and hospital (triage first, as it has no hospital), by result time. */
    private List<Statistics.SlaRecord> slaResults(FindStatistics query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("select clock, hospital,"
                + " sum(case when state = 'MET' then 1 else 0 end) as met,"
                + " sum(case when state = 'BREACHED' then 1 else 0 end) as breached"
                + " from request_sla_clock where result_at is not null");
        if (query.from() != null) {
            sql.append(" and result_at >= :from");
            parameters.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and result_at < :to");
            parameters.addValue("to", Timestamp.from(query.to()));
        }
        sql.append(" group by clock, hospital");
        List<Statistics.SlaRecord> records = new ArrayList<>(jdbc.query(sql.toString(), parameters,
                (rs, row) -> new Statistics.SlaRecord(rs.getString("clock"), rs.getString("hospital"),
                        rs.getLong("met"), rs.getLong("breached"))));
        records.sort(Comparator.comparing((Statistics.SlaRecord r) -> Clock.valueOf(r.clock()))
                .thenComparing(Statistics.SlaRecord::hospital, Comparator.nullsFirst(Comparator.naturalOrder())));
        return records;
    }

    private static String period(FindStatistics query, MapSqlParameterSource parameters) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (query.from() != null) {
            where.append(" and r.submitted_at >= :from");
            parameters.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and r.submitted_at < :to");
            parameters.addValue("to", Timestamp.from(query.to()));
        }
        return where.toString();
    }

    private Statistics.Duration durations(String sql, MapSqlParameterSource parameters) {
        List<Double> seconds = new ArrayList<>();
        jdbc.query(sql, parameters, rs -> {
            seconds.add(Duration.between(Rows.instant(rs, "started"), Rows.instant(rs, "stopped")).toMillis()
                    / 1000.0);
        });
        seconds.sort(Comparator.naturalOrder());
        return new Statistics.Duration(seconds.size(), Percentiles.of(seconds, 0.5), Percentiles.of(seconds, 0.9));
    }
}
