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
 * this service on this request, then by open workload, then by median response time over the
 * configured window, then by code. Every rank comes with its figures and reasons in words.
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
        Map<String, List<Double>> responseHours = responseHours(clock.instant().minus(responseWindow));

        List<Candidate> candidates = new ArrayList<>();
        for (Hospital hospital : hospitals.all()) {
            if (hospital.offers(query.service()) && hospital.acceptingRequests()) {
                List<Double> hours = responseHours.getOrDefault(hospital.code(), List.of());
                candidates.add(new Candidate(hospital, openWorkload.getOrDefault(hospital.code(), 0L),
                        Percentiles.of(hours, 0.5), hours.size(), declinedBefore.contains(hospital.code())));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::declinedBefore)
                .thenComparingLong(Candidate::open)
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

    private record Candidate(Hospital hospital, long open, Double medianHours, long responses,
                             boolean declinedBefore) {

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
            reasons.add("no service-level results recorded yet");
            return new Recommendation(rank, hospital.code(), hospital.name(), open, medianHours, responses, 0, 0,
                    declinedBefore, reasons);
        }
    }
}
