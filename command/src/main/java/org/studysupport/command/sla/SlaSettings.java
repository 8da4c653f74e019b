package org.studysupport.command.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.sla.SlaTarget;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service-level targets and calendars as configured under {@code study-support.sla}. Each
 * clock has a target in working days or, when {@code duration} is set, a wall-clock duration (for
 * demonstrations and tests); hospital response may differ by priority, delivery by priority and by
 * service. Settings that make no sense (no target, zero or negative, an unknown property) fail the
 * start with the property's name; {@link SlaTargets} reads them.
 *
 * @param triage           submitted until accepted, rejected or withdrawn; default 5 working days
 * @param hospitalResponse assignment until acknowledged or declined; default 3 working days
 * @param delivery         acknowledged until completed; default 40 working days
 * @param calendar         the calendar working days are counted on
 */
@ConfigurationProperties(prefix = "study-support.sla", ignoreUnknownFields = false)
public record SlaSettings(@DefaultValue Triage triage,
                          @DefaultValue HospitalResponse hospitalResponse,
                          @DefaultValue Delivery delivery,
                          @DefaultValue CalendarSettings calendar) {

    /** The triage clock starts before a priority is set, so it has one target only. */
    public record Triage(@DefaultValue("5") Integer workingDays, Duration duration) {
        public Triage {
            Target.of(workingDays, duration);
        }
    }

    /** @param byPriority targets for requests of a priority, instead of the clock's own */
    public record HospitalResponse(@DefaultValue("3") Integer workingDays, Duration duration,
                                   Map<Priority, Target> byPriority) {
        public HospitalResponse {
            Target.of(workingDays, duration);
            byPriority = byPriority == null ? Map.of() : Map.copyOf(byPriority);
        }
    }

    /**
     * @param byPriority targets for requests of a priority, instead of the clock's own
     * @param byService  targets for assignments of a service; these win over {@code byPriority}
     */
    public record Delivery(@DefaultValue("40") Integer workingDays, Duration duration,
                           Map<Priority, Target> byPriority, Map<ServiceCode, Target> byService) {
        public Delivery {
            Target.of(workingDays, duration);
            byPriority = byPriority == null ? Map.of() : Map.copyOf(byPriority);
            byService = byService == null ? Map.of() : Map.copyOf(byService);
        }
    }

    /**
     * One configured target: working days, or a duration, which wins when both are set.
     *
     * @param workingDays whole working days, positive
     * @param duration    ISO-8601 ({@code PT8S}) or Spring's short form ({@code 8s}), positive
     */
    public record Target(Integer workingDays, Duration duration) {
        public Target {
            of(workingDays, duration);
        }

        /** The target a clock records when it starts. */
        public SlaTarget toSlaTarget() {
            return of(workingDays, duration);
        }

        static SlaTarget of(Integer workingDays, Duration duration) {
            if (workingDays == null && duration == null) {
                throw new IllegalArgumentException("a target needs working-days or duration");
            }
            if (workingDays != null && workingDays <= 0) {
                throw new IllegalArgumentException("working-days must be positive, got " + workingDays);
            }
            if (duration != null && (duration.isZero() || duration.isNegative())) {
                throw new IllegalArgumentException("duration must be positive, got " + duration);
            }
            return duration != null ? SlaTarget.ofDuration(duration) : SlaTarget.ofWorkingDays(workingDays);
        }
    }

    /**
     * @param country    ISO 3166 code of the national public-holiday calendar
     * @param zone       the zone whose local days are counted; default {@code study-support.time-zone}
     * @param closedDays network-wide extra closed days
     * @param hospitals  by hospital code: the closed days that hospital adds
     */
    public record CalendarSettings(@DefaultValue("NO") String country, ZoneId zone, List<String> closedDays,
                                   Map<String, HospitalCalendar> hospitals) {
        public CalendarSettings {
            if (country == null || country.isBlank()) {
                throw new IllegalArgumentException("country must name a public-holiday calendar, such as NO");
            }
            closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
            ClosedDays.parse(closedDays);
            hospitals = hospitals == null ? Map.of() : Map.copyOf(hospitals);
        }

        public List<LocalDate> closedDayDates() {
            return ClosedDays.parse(closedDays);
        }
    }

    /** @param closedDays the days a hospital is closed on top of the national calendar */
    public record HospitalCalendar(List<String> closedDays) {
        public HospitalCalendar {
            closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
            ClosedDays.parse(closedDays);
        }

        public List<LocalDate> closedDayDates() {
            return ClosedDays.parse(closedDays);
        }
    }

    /**
     * Closed days are written as dates ({@code 2027-07-05}) or as inclusive ranges of dates
     * ({@code 2027-07-05/2027-07-30}), a summer closure in one line. A range is at most a year long:
     * every clock records the days it counts around, so a mistyped year must not add decades.
     */
    static final class ClosedDays {

        private static final long LONGEST_RANGE_IN_DAYS = 366;

        private ClosedDays() {
        }

        static List<LocalDate> parse(List<String> entries) {
            List<LocalDate> days = new ArrayList<>();
            for (String entry : entries) {
                days.addAll(parse(entry));
            }
            return days;
        }

        private static List<LocalDate> parse(String entry) {
            String text = entry == null ? "" : entry.strip();
            try {
                int slash = text.indexOf('/');
                if (slash < 0) {
                    return List.of(LocalDate.parse(text));
                }
                LocalDate first = LocalDate.parse(text.substring(0, slash).strip());
                LocalDate last = LocalDate.parse(text.substring(slash + 1).strip());
                long length = ChronoUnit.DAYS.between(first, last) + 1;
                if (length < 1 || length > LONGEST_RANGE_IN_DAYS) {
                    throw new IllegalArgumentException("closed-days range '" + entry
                            + "' must run forwards and span at most " + LONGEST_RANGE_IN_DAYS + " days");
                }
                return first.datesUntil(last.plusDays(1)).toList();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("closed-days entry '" + entry
                        + "' is neither a date (2027-07-05) nor a range of dates (2027-07-05/2027-07-30)", e);
            }
        }
    }
}
