package org.studysupport.query.insight;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.query.RecommendHospitals;
import org.studysupport.api.query.Recommendation;
import org.studysupport.api.query.Recommendations;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.reference.Hospital;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.query.queue.Rows;
import org.studysupport.query.request.RequestViewTables;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks the hospitals that offer a service and accept requests: first those that have not declined
 * this service on this request, then by open workload, then by the share of breaches among their
 * hospital-response and delivery results (met or breached clocks) over the configured window, then
 * by median response time over that window, then by code; a hospital without results or responses
 * comes after those with. Every rank comes with its figures and reasons in words.
 */
@Component
@EnableConfigurationProperties(InsightSettings.class)
public class RecommendationQueries {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private final NamedParameterJdbcTemplate jdbc;
    private final RequestViewTables requests;
    private final HospitalDirectory hospitals;
    private final Clock clock;
    private final Duration responseWindow;

    public RecommendationQueries(NamedParameterJdbcTemplate jdbc, RequestViewTables requests,
                                 HospitalDirectory hospitals, Clock clock,
                                 InsightSettings settings) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.hospitals = hospitals;
        this.clock = clock;
        this.responseWindow = settings.responseWindow();
    }

    @QueryHandler
    public Recommendations handle(RecommendHospitals query) {
        RequestView request = requests.find(query.requestId())
                .orElseThrow(() -> new UnknownEntityException("No request " + query.requestId() + "."));
        if (!request.services().contains(query.service())) {
            throw new ActionNotAllowedException("The request did not ask for " + query.service() + ".");
        }
        Set<String> declinedBefore = request.assignments().stream()
                .filter(a -> a.service() == query.service() && a.status() == AssignmentStatus.DECLINED)
                .map(a -> a.hospital()).collect(Collectors.toSet());
        Map<String, Long> openWorkload = openWorkload();
        Instant since = clock.instant().minus(responseWindow);
        Map<String, List<Double>> responseHours = responseHours(since);
        Map<String, SlaRecord> slaRecords = slaRecords(since);

        List<Candidate> candidates = new ArrayList<>();
        for (Hospital hospital : hospitals.all()) {
            if (hospital.offers(query.service()) && hospital.acceptingRequests()) {
                List<Double> hours = responseHours.getOrDefault(hospital.code(), List.of());
                candidates.add(new Candidate(hospital, openWorkload.getOrDefault(hospital.code(), 0L),
                        Percentiles.of(hours, 0.5), hours.size(), declinedBefore.contains(hospital.code()),
                        slaRecords.getOrDefault(hospital.code(), SlaRecord.NONE)));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::declinedBefore)
                .thenComparingLong(Candidate::open)
                .thenComparing(c -> c.sla().breachedShare(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Candidate::medianHours, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> c.hospital().code()));
        List<Recommendation> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            ranked.add(candidates.get(i).toRecommendation(i + 1, query, responseWindow));
        }
        return new Recommendations(query.service(), ranked);
    }

    private Map<String, Long> openWorkload() {
        Map<String, Long> open = new HashMap<>();
        jdbc.query("select hospital, count(*) as open from assignment_view where status in ('PENDING', 'ACTIVE')"
                        + " group by hospital", new MapSqlParameterSource(),
                rs -> {
                    open.put(rs.getString("hospital"), rs.getLong("open"));
                });
        return open;
    }

    private Map<String, List<Double>> responseHours(Instant since) {
        Map<String, List<Double>> hours = new HashMap<>();
        jdbc.query("select hospital, created_at, responded_at from assignment_view where responded_at >= :since",
                new MapSqlParameterSource("since", java.sql.Timestamp.from(since)),
                rs -> {
                    Duration response = Duration.between(Rows.instant(rs, "created_at"),
                            Rows.instant(rs, "responded_at"));
                    hours.computeIfAbsent(rs.getString("hospital"), h -> new ArrayList<>())
                            .add(response.toMillis() / 1000.0 / SECONDS_PER_HOUR);
                });
        hours.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return hours;
    }

    /**
     * Each hospital's hospital-response and delivery clocks whose result (met or breached) became
     * known since then.
     */
    private Map<String, SlaRecord> slaRecords(Instant since) {
        Map<String, SlaRecord> records = new HashMap<>();
        jdbc.query("select hospital, clock, state, count(*) as clocks from request_sla_clock"
                        + " where result_at >= :since and clock in ('HOSPITAL_RESPONSE', 'DELIVERY')"
                        + " group by hospital, clock, state",
                new MapSqlParameterSource("since", java.sql.Timestamp.from(since)),
                rs -> {
                    records.merge(rs.getString("hospital"), SlaRecord.of(rs.getString("clock"),
                            rs.getString("state"), rs.getLong("clocks")), SlaRecord::plus);
                });
        return records;
    }

    /** Met and breached hospital-response and delivery clocks of one hospital. */
    private record SlaRecord(long responseMet, long responseBreached, long deliveryMet, long deliveryBreached) {

        static final SlaRecord NONE = new SlaRecord(0, 0, 0, 0);

        static SlaRecord of(String clock, String state, long count) {
            boolean met = "MET".equals(state);
            boolean breached = "BREACHED".equals(state);
            if ("HOSPITAL_RESPONSE".equals(clock)) {
                return new SlaRecord(met ? count : 0, breached ? count : 0, 0, 0);
            }
            return new SlaRecord(0, 0, met ? count : 0, breached ? count : 0);
        }

        SlaRecord plus(SlaRecord other) {
            return new SlaRecord(responseMet + other.responseMet, responseBreached + other.responseBreached,
                    deliveryMet + other.deliveryMet, deliveryBreached + other.deliveryBreached);
        }

        long met() {
            return responseMet + deliveryMet;
        }

        long breached() {
            return responseBreached + deliveryBreached;
        }

        /** The share of results that breached; null without results. */
        Double breachedShare() {
            long results = met() + breached();
            return results == 0 ? null : (double) breached() / results;
        }
    }

    private record Candidate(Hospital hospital, long open, Double medianHours, long responses,
                             boolean declinedBefore, SlaRecord sla) {

        Recommendation toRecommendation(int rank, RecommendHospitals query, Duration window) {
            List<String> reasons = new ArrayList<>();
            if (declinedBefore) {
                reasons.add("declined " + query.service() + " on this request before");
            }
            reasons.add(open + (open == 1 ? " open assignment" : " open assignments") + " (pending or active)");
            long days = window.toDays();
            if (medianHours == null) {
                reasons.add("no assignment answered in the last " + days + " days");
            } else {
                reasons.add(String.format(Locale.ROOT, "median response %.1f hours over %d %s answered in the last %d days",
                        medianHours, responses, responses == 1 ? "assignment" : "assignments", days));
            }
            if (sla.breachedShare() == null) {
                reasons.add("no service-level results in the last " + days + " days");
            } else {
                reasons.add(String.format(Locale.ROOT, "service levels in the last %d days: hospital response %d met,"
                                + " %d breached; delivery %d met, %d breached", days, sla.responseMet(),
                        sla.responseBreached(), sla.deliveryMet(), sla.deliveryBreached()));
            }
            return new Recommendation(rank, hospital.code(), hospital.name(), open, medianHours, responses,
                    sla.met(), sla.breached(), declinedBefore, reasons);
        }
    }
}
