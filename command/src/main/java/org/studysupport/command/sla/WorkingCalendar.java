package org.studysupport.command.sla;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.studysupport.api.sla.CalendarDefinition;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Counts working time on one {@link CalendarDefinition}: the days a service-level clock runs on.
 *
 * <p><b>Working days</b> are Monday to Friday in the calendar's zone, minus the country's public
 * holidays (from the jollyday library, not a hand-kept list) and minus the definition's extra
 * closed days. A day that is a holiday twice over (in 2027 Whit Monday falls on 17 May) is closed
 * once.
 *
 * <p><b>Working time</b> is the time inside working days; a working day counts from 00:00 to 24:00
 * local time and is worth exactly one unit. Time within a day is counted as the elapsed share of
 * that local day, so a working day on which the clocks change (23 or 25 hours) is still one
 * working day, and half of it is half of its real length. Time outside working days counts
 * nothing: a moment on a Saturday lies at the same working-time position as the next working
 * day's 00:00.
 *
 * <p><b>A target of N working days</b> is N units of working time counted from the start moment:
 * started on Monday at 10:00, one working day ends on Tuesday at 10:00; started on a Saturday,
 * counting begins at the next working day's 00:00, and five working days end at the close
 * (24:00) of the fifth working day. {@link #plusWorkingDays} answers the earliest moment at which
 * the working time has been used up.
 *
 * <p>Both methods step through local days, never through hours or seconds, so even a span of years
 * costs a few thousand cheap steps. The public holidays of a year are computed once per calendar;
 * the holiday managers, which are expensive to build, once per country for the whole JVM.
 * Instances are immutable and safe to share between threads.
 */
public final class WorkingCalendar {

    private static final Map<String, HolidayManager> HOLIDAY_MANAGERS = new ConcurrentHashMap<>();

    private final CalendarDefinition definition;
    private final ZoneId zone;
    private final HolidayManager holidays;
    private final Set<LocalDate> closedDays;
    private final Map<Integer, Set<LocalDate>> publicHolidaysByYear = new ConcurrentHashMap<>();

    private WorkingCalendar(CalendarDefinition definition) {
        this.definition = definition;
        this.zone = ZoneId.of(definition.zone());
        this.holidays = holidayManager(definition.country());
        this.closedDays = Set.copyOf(definition.closedDays());
    }

    /**
     * The calendar of a definition.
     *
     * @throws IllegalArgumentException when the holiday library knows no calendar for the country
     */
    public static WorkingCalendar of(CalendarDefinition definition) {
        return new WorkingCalendar(definition);
    }

    /** The country codes the holiday library has calendars for, upper case. */
    public static Set<String> supportedCountries() {
        return HolidayManager.getSupportedCalendarCodes().stream()
                .map(code -> code.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public CalendarDefinition definition() {
        return definition;
    }

    /** Whether the local day is a working day: a weekday that is neither a public holiday nor closed. */
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        return !closedDays.contains(day) && !publicHolidays(day.getYear()).contains(day);
    }

    /**
     * The earliest moment at which {@code days} units of working time, counted from {@code start},
     * have passed. Zero days is the start itself.
     *
     * @param days working days, fractions allowed (a warning at 75 % of a target), not negative
     */
    public Instant plusWorkingDays(Instant start, double days) {
        if (!(days >= 0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("Working days to add must be a finite number, not negative: " + days);
        }
        if (days == 0) {
            return start;
        }
        LocalDate startDay = localDay(start);
        LocalDate firstDay = isWorkingDay(startDay) ? startDay : nextWorkingDayAfter(startDay);
        double startShare = firstDay.equals(startDay) ? shareOfDayElapsed(start, startDay) : 0;
        // whole days are counted apart from the shares of a day, so long targets keep the start's
        // time of day exactly instead of drifting by rounding
        long wholeDays = (long) Math.floor(days);
        double share = startShare + (days - wholeDays);
        if (share >= 1) {
            wholeDays++;
            share -= 1;
        }
        if (share == 0) {
            // the time runs out at the close of a working day: 24:00, not the next working day's 00:00
            return startOf(workingDayAfter(firstDay, wholeDays - 1).plusDays(1));
        }
        if (wholeDays == 0 && firstDay.equals(startDay)) {
            return start.plusNanos(Math.round(days * lengthInNanos(startDay)));
        }
        LocalDate lastDay = workingDayAfter(firstDay, wholeDays);
        return startOf(lastDay).plusNanos(Math.round(share * lengthInNanos(lastDay)));
    }

    /**
     * The working time between two moments, in working days: how much of a clock's target a pause
     * from {@code from} to {@code to} took. Zero when {@code to} is not after {@code from}.
     */
    public double workingDaysBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDate firstDay = localDay(from);
        LocalDate lastDay = localDay(to);
        if (firstDay.equals(lastDay)) {
            return isWorkingDay(firstDay) ? shareOfDayElapsed(to, lastDay) - shareOfDayElapsed(from, firstDay) : 0;
        }
        long wholeDays = 0;
        for (LocalDate day = firstDay.plusDays(1); day.isBefore(lastDay); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                wholeDays++;
            }
        }
        double firstShare = isWorkingDay(firstDay) ? 1 - shareOfDayElapsed(from, firstDay) : 0;
        double lastShare = isWorkingDay(lastDay) ? shareOfDayElapsed(to, lastDay) : 0;
        return wholeDays + (firstShare + lastShare);
    }

    private Set<LocalDate> publicHolidays(int year) {
        return publicHolidaysByYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY)
                .stream()
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The working day that lies {@code count} working days after the working day {@code first}. */
    private LocalDate workingDayAfter(LocalDate first, long count) {
        LocalDate day = first;
        for (long passed = 0; passed < count; passed++) {
            day = nextWorkingDayAfter(day);
        }
        return day;
    }

    private LocalDate nextWorkingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private LocalDate localDay(Instant moment) {
        return moment.atZone(zone).toLocalDate();
    }

    private Instant startOf(LocalDate day) {
        // atStartOfDay, not atTime(00:00): where the clocks jump at midnight, a day starts later
        return day.atStartOfDay(zone).toInstant();
    }

    private long lengthInNanos(LocalDate day) {
        return Duration.between(startOf(day), startOf(day.plusDays(1))).toNanos();
    }

    private double shareOfDayElapsed(Instant moment, LocalDate day) {
        return (double) Duration.between(startOf(day), moment).toNanos() / lengthInNanos(day);
    }

    private static HolidayManager holidayManager(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        HolidayManager known = HOLIDAY_MANAGERS.get(code);
        if (known != null) {
            return known;
        }
        if (!supportedCountries().contains(code)) {
            throw new IllegalArgumentException("No public-holiday calendar is known for country '" + country
                    + "'; known countries: " + supportedCountries().stream().sorted().toList());
        }
        return HOLIDAY_MANAGERS.computeIfAbsent(code,
                c -> HolidayManager.getInstance(ManagerParameters.create(c.toLowerCase(Locale.ROOT))));
    }
}
