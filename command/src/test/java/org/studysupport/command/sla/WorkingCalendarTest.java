package org.studysupport.command.sla;

import org.junit.jupiter.api.Test;
import org.studysupport.api.sla.CalendarDefinition;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WorkingCalendarTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final WorkingCalendar NORWAY = WorkingCalendar.of(new CalendarDefinition("NO", "Europe/Oslo", List.of()));

    @Test
    void norwaysClosedWeekdaysAreExactlyItsOfficialPublicHolidays() {
        assertThat(closedWeekdays(NORWAY, 2026)).containsExactly(
                LocalDate.of(2026, 1, 1),   // New Year's Day
                LocalDate.of(2026, 4, 2),   // Maundy Thursday
                LocalDate.of(2026, 4, 3),   // Good Friday
                LocalDate.of(2026, 4, 6),   // Easter Monday
                LocalDate.of(2026, 5, 1),   // 1 May
                LocalDate.of(2026, 5, 14),  // Ascension Day
                LocalDate.of(2026, 5, 25),  // Whit Monday (17 May is a Sunday)
                LocalDate.of(2026, 12, 25)); // Christmas Day (St Stephen's Day is a Saturday)
        assertThat(closedWeekdays(NORWAY, 2027)).containsExactly(
                LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 3, 25),
                LocalDate.of(2027, 3, 26),
                LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 5, 6),
                LocalDate.of(2027, 5, 17)); // Constitution Day and Whit Monday; 1 May and Christmas at a weekend
    }

    @Test
    void weekendsAreNeverWorkingDays() {
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2027, 3, 6))).isFalse();  // Saturday
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2027, 3, 7))).isFalse();  // Sunday
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2027, 3, 8))).isTrue();   // Monday
    }

    @Test
    void fiveWorkingDaysFromWednesdayBeforeEaster2027SkipMaundyThursdayGoodFridayAndEasterMonday() {
        Instant due = NORWAY.plusWorkingDays(oslo(2027, 3, 24, 9, 0), 5);

        // Wed 24 (from 09:00), Tue 30, Wed 31, Thu 1 Apr, Fri 2 Apr, and Mon 5 Apr until 09:00
        assertThat(due).isEqualTo(oslo(2027, 4, 5, 9, 0));
        assertThat(NORWAY.workingDaysBetween(oslo(2027, 3, 24, 9, 0), due)).isCloseTo(5, within(1e-9));
    }

    @Test
    void whitMondayAndConstitutionDay2027AreOneClosedDay() {
        LocalDate seventeenthOfMay = LocalDate.of(2027, 5, 17);
        assertThat(seventeenthOfMay.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(NORWAY.isWorkingDay(seventeenthOfMay)).isFalse();

        // Friday 14 May 09:00 plus one working day: Monday is skipped once, so Tuesday, not Wednesday
        assertThat(NORWAY.plusWorkingDays(oslo(2027, 5, 14, 9, 0), 1)).isEqualTo(oslo(2027, 5, 18, 9, 0));
        // Monday 17 to Monday 24 May holds Tuesday to Friday: four working days, not three
        assertThat(NORWAY.workingDaysBetween(oslo(2027, 5, 17, 0, 0), oslo(2027, 5, 24, 0, 0))).isEqualTo(4);
    }

    @Test
    void aSubmissionOnSaturdayStartsCountingOnMonday() {
        Instant saturdayAfternoon = oslo(2027, 3, 6, 14, 30);

        assertThat(NORWAY.plusWorkingDays(saturdayAfternoon, 0.5)).isEqualTo(oslo(2027, 3, 8, 12, 0));
        // five whole working days, Monday to Friday: due at the close of Friday
        assertThat(NORWAY.plusWorkingDays(saturdayAfternoon, 5)).isEqualTo(oslo(2027, 3, 13, 0, 0));
        assertThat(NORWAY.workingDaysBetween(saturdayAfternoon, oslo(2027, 3, 8, 0, 0))).isZero();
    }

    @Test
    void christmasEveIsAWorkingDayButChristmasDayAndStStephensDayAreNot() {
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2025, 12, 24))).isTrue();  // Wednesday
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2025, 12, 25))).isFalse(); // Thursday
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2025, 12, 26))).isFalse(); // Friday
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();

        // Mon 22 from 09:00, Tue 23, Wed 24, Mon 29, Tue 30, and Wed 31 until 09:00
        assertThat(NORWAY.plusWorkingDays(oslo(2025, 12, 22, 9, 0), 5)).isEqualTo(oslo(2025, 12, 31, 9, 0));
        // 2027: Christmas at a weekend, no day is given in lieu; Friday 24 and Monday 27 are working days
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2027, 12, 24))).isTrue();
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2027, 12, 27))).isTrue();
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2027, 12, 28))).isTrue();
    }

    @Test
    void extraClosedDaysAreNotWorkingDays() {
        WorkingCalendar summerClosure = WorkingCalendar.of(new CalendarDefinition("NO", "Europe/Oslo",
                LocalDate.of(2027, 7, 5).datesUntil(LocalDate.of(2027, 7, 31)).toList()));

        assertThat(summerClosure.isWorkingDay(LocalDate.of(2027, 7, 12))).isFalse();
        assertThat(NORWAY.isWorkingDay(LocalDate.of(2027, 7, 12))).isTrue();
        // Friday 2 July 09:00 plus one working day: the closed weeks are skipped, due Monday 2 August
        assertThat(summerClosure.plusWorkingDays(oslo(2027, 7, 2, 9, 0), 1)).isEqualTo(oslo(2027, 8, 2, 9, 0));
        assertThat(summerClosure.workingDaysBetween(oslo(2027, 7, 1, 0, 0), oslo(2027, 8, 1, 0, 0))).isEqualTo(2);
    }

    @Test
    void aWorkingDayCountsOnceAcrossTheEndOfSummerTime() {
        // Norway leaves summer time on Sunday 31 October 2027: the wall clock gains an hour
        Instant fridayNoon = oslo(2027, 10, 29, 12, 0);
        Instant due = NORWAY.plusWorkingDays(fridayNoon, 1);

        assertThat(due).isEqualTo(oslo(2027, 11, 1, 12, 0));
        assertThat(Duration.between(fridayNoon, due)).isEqualTo(Duration.ofHours(73));
        assertThat(due).isEqualTo(Instant.parse("2027-11-01T11:00:00Z"));
    }

    @Test
    void aWorkingDayOnWhichTheClocksChangeIsOneWorkingDayAndItsHalfIsHalfItsLength() {
        // In Cairo summer time begins on the last Friday of April, a weekday, at midnight
        CalendarDefinition definition = new CalendarDefinition("NO", "Africa/Cairo", List.of());
        WorkingCalendar calendar = WorkingCalendar.of(definition);
        ZoneId cairo = ZoneId.of("Africa/Cairo");
        LocalDate shortFriday = LocalDate.of(2027, 4, 30);
        Instant start = shortFriday.atStartOfDay(cairo).toInstant();
        Instant end = shortFriday.plusDays(1).atStartOfDay(cairo).toInstant();
        assertThat(Duration.between(start, end)).as("the day is 23 hours long").isEqualTo(Duration.ofHours(23));

        assertThat(calendar.workingDaysBetween(start, end)).isEqualTo(1);
        assertThat(calendar.plusWorkingDays(start, 0.5)).isEqualTo(start.plus(Duration.ofMinutes(11 * 60 + 30)));
        assertThat(calendar.plusWorkingDays(start, 1)).isEqualTo(end);
    }

    @Test
    void workingTimeBetweenIsZeroWhenTheEndIsNotAfterTheStart() {
        Instant monday = oslo(2027, 3, 8, 10, 0);

        assertThat(NORWAY.workingDaysBetween(monday, monday)).isZero();
        assertThat(NORWAY.workingDaysBetween(monday, monday.minusSeconds(60))).isZero();
        assertThat(NORWAY.plusWorkingDays(monday, 0)).isEqualTo(monday);
    }

    @Test
    void workingTimeWithinOneDayIsTheShareOfThatDay() {
        assertThat(NORWAY.workingDaysBetween(oslo(2027, 3, 8, 6, 0), oslo(2027, 3, 8, 18, 0))).isCloseTo(0.5, within(1e-12));
        assertThat(NORWAY.workingDaysBetween(oslo(2027, 3, 6, 6, 0), oslo(2027, 3, 6, 18, 0))).isZero(); // Saturday
    }

    @Test
    void addingWorkingTimeAndMeasuringItAgreeOverYears() {
        Random random = new Random(8);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 500; i++) {
            Instant start = from.plusSeconds((long) (random.nextDouble() * 4 * 365 * 86_400));
            double days = random.nextInt(3) == 0 ? random.nextInt(60) + 1 : random.nextDouble() * 600;
            Instant due = NORWAY.plusWorkingDays(start, days);

            assertThat(NORWAY.workingDaysBetween(start, due)).as("from %s plus %s", start, days)
                    .isCloseTo(days, within(1e-9));
            assertThat(NORWAY.isWorkingDay(due.minusNanos(1).atZone(OSLO).toLocalDate()))
                    .as("the time runs out inside a working day: from %s plus %s is %s", start, days, due).isTrue();
        }
    }

    @Test
    void wholeWorkingDaysKeepTheStartsTimeOfDayExactly() {
        Instant start = oslo(2027, 1, 4, 9, 17).plusNanos(123_456_789);

        // 2027 has 261 weekdays, 6 of them public holidays: Monday 4 January is working day 1 of
        // 255, Friday 31 December working day 255, reached after 254 working days
        assertThat(closedWeekdays(NORWAY, 2027)).hasSize(6);
        assertThat(NORWAY.plusWorkingDays(start, 254)).isEqualTo(
                LocalDateTime.of(2027, 12, 31, 9, 17).plusNanos(123_456_789).atZone(OSLO).toInstant());
    }

    @Test
    void tenYearsOfWorkingTimeAreCountedQuickly() {
        Instant start = oslo(2027, 1, 1, 0, 0);
        Instant end = oslo(2037, 1, 1, 0, 0);
        long workingDays = LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2037, 1, 1)).filter(NORWAY::isWorkingDay).count();
        long began = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(NORWAY.workingDaysBetween(start, end)).isEqualTo(workingDays);
            // Wednesday 31 December 2036 is a working day: the time runs out at its close
            assertThat(NORWAY.plusWorkingDays(start, workingDays)).isEqualTo(end);
        }
        // a few thousand day steps each, no per-second loop: well below two seconds for 100 rounds
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anUnknownCountryIsRefused() {
        assertThatThrownBy(() -> WorkingCalendar.of(new CalendarDefinition("XX", "Europe/Oslo", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XX'")
                .hasMessageContaining("NO");
    }

    @Test
    void negativeWorkingDaysAreRefused() {
        assertThatThrownBy(() -> NORWAY.plusWorkingDays(Instant.EPOCH, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NORWAY.plusWorkingDays(Instant.EPOCH, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDefinitionKeepsItsClosedDaysSortedAndDistinct() {
        CalendarDefinition definition = new CalendarDefinition("no", "Europe/Oslo",
                List.of(LocalDate.of(2027, 7, 6), LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 6)));

        assertThat(definition.country()).isEqualTo("NO");
        assertThat(definition.closedDays()).containsExactly(LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 6));
    }

    static Instant oslo(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(OSLO).toInstant();
    }

    private static List<LocalDate> closedWeekdays(WorkingCalendar calendar, int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(day -> day.getDayOfWeek().getValue() <= 5)
                .filter(day -> !calendar.isWorkingDay(day))
                .toList();
    }
}
