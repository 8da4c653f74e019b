package org.studysupport.web.page.queues;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.Statistics;
import org.studysupport.api.query.TriageTimes;
import org.studysupport.application.QueueService;
import org.studysupport.config.StudySupportProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the dashboard on the start page of coordinators, auditors and admins, all from
 * {@link QueueService#statistics} and {@link QueueService#triageTimes} for one period: requests per
 * status, requests per service, service-level results per hospital, and time to triage in bands.
 * Each chart is a {@link Chart}: its labels and one or more series of figures, shown both as a
 * Chart.js chart and as a table of the same figures.
 *
 * <p>The period is given as dates in the network's time zone, both included: from the start of
 * {@code from} to the end of {@code to}, i.e. [from 00:00, the day after to 00:00).
 */
@Component
public class Dashboard {

    /** The label of the service-level results of the triage clock, which has no hospital. */
    static final String TRIAGE_CLOCK = "queues.dashboard.sla.triage";

    private final QueueService queues;
    private final MessageSource messages;
    private final ZoneId zone;

    public Dashboard(QueueService queues, MessageSource messages, StudySupportProperties properties) {
        this.queues = queues;
        this.messages = messages;
        this.zone = properties.timeZone();
    }

    /** One chart: what its bars stand for, and each series with its label and one figure per bar. */
    public record Chart(String id, String title, String kind, List<String> labels, List<Series> series) {

        /** The figure of series {@code s} at bar {@code i}, for the table. */
        public long figure(int s, int i) {
            return series.get(s).values().get(i);
        }
    }

    public record Series(String label, List<Long> values) {
    }

    /** The period the user asked for, as typed, with the instants it stands for and what was wrong with it. */
    public record Period(String from, String to, Instant fromInstant, Instant toInstant, Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** What the dashboard shows: the charts, and the medians of time to triage. */
    public record Figures(long requests, Statistics.Duration timeToTriage, List<Chart> charts) {
    }

    /** Reads the period's two dates (either may be empty: an open end). */
    public Period period(String from, String to) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "queues.dashboard.period.toBeforeFrom");
        }
        return new Period(from == null ? "" : from.trim(), to == null ? "" : to.trim(),
                fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant(),
                Map.copyOf(errors));
    }

    private static LocalDate date(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "queues.dashboard.period.notADate");
            return null;
        }
    }

    public Figures figures(Period period) {
        Statistics statistics = queues.statistics(period.fromInstant(), period.toInstant());
        TriageTimes triageTimes = queues.triageTimes(period.fromInstant(), period.toInstant());
        List<Chart> charts = List.of(
                counts("byStatus", "queues.dashboard.byStatus", "status.", statistics.byStatus()),
                counts("byService", "queues.dashboard.byService", "service.", statistics.byService()),
                slaPerHospital(statistics.sla()),
                triageTimes(triageTimes));
        return new Figures(statistics.requests(), statistics.timeToTriage(), charts);
    }

    private Chart counts(String id, String title, String labelPrefix, Map<String, Long> counts) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach((key, count) -> {
            labels.add(text(labelPrefix + key));
            values.add(count);
        });
        return new Chart(id, text(title), "bar", labels,
                List.of(new Series(text("queues.dashboard.requests"), values)));
    }

    /** Met and breached clocks summed per hospital over its clocks; the triage clock's results first. */
    private Chart slaPerHospital(List<Statistics.SlaRecord> records) {
        long[] triage = new long[2];
        Map<String, long[]> byHospital = new TreeMap<>();
        for (Statistics.SlaRecord record : records) {
            long[] sums = record.hospital() == null ? triage
                    : byHospital.computeIfAbsent(record.hospital(), h -> new long[2]);
            sums[0] += record.met();
            sums[1] += record.breached();
        }
        List<String> labels = new ArrayList<>();
        List<Long> met = new ArrayList<>();
        List<Long> breached = new ArrayList<>();
        if (triage[0] + triage[1] > 0) {
            labels.add(text(TRIAGE_CLOCK));
            met.add(triage[0]);
            breached.add(triage[1]);
        }
        byHospital.forEach((hospital, sums) -> {
            labels.add(hospital);
            met.add(sums[0]);
            breached.add(sums[1]);
        });
        return new Chart("sla", text("queues.dashboard.sla"), "stacked", labels,
                List.of(new Series(text("queues.dashboard.sla.met"), met),
                        new Series(text("queues.dashboard.sla.breached"), breached)));
    }

    private Chart triageTimes(TriageTimes times) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < times.bands().size(); i++) {
            labels.add(text("queues.dashboard.band." + i));
            values.add(times.bands().get(i).requests());
        }
        return new Chart("triageTimes", text("queues.dashboard.triageTimes"), "bar", labels,
                List.of(new Series(text("queues.dashboard.requests"), values)));
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
