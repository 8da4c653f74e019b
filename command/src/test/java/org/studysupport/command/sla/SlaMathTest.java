package org.studysupport.command.sla;

import org.junit.jupiter.api.Test;
import org.studysupport.api.sla.CalendarDefinition;
import org.studysupport.api.sla.SlaTarget;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.studysupport.command.sla.WorkingCalendarTest.oslo;

class SlaMathTest {

    private static final WorkingCalendar NORWAY = WorkingCalendar.of(new CalendarDefinition("NO", "Europe/Oslo", List.of()));
    private static final SlaTarget FIVE_WORKING_DAYS = SlaTarget.ofWorkingDays(5);
    private static final SlaTarget FOUR_WORKING_DAYS = SlaTarget.ofWorkingDays(4);

    @Test
    void aWorkingDayTargetIsDueAfterItsWorkingDays() {
        // Monday 8 March 2027 10:00 plus five working days: Monday 15 March 10:00
        assertThat(SlaMath.dueAt(oslo(2027, 3, 8, 10, 0), FIVE_WORKING_DAYS, NORWAY)).isEqualTo(oslo(2027, 3, 15, 10, 0));
    }

    @Test
    void theWarningComesAtThreeQuartersOfTheWorkingTime() {
        Instant start = oslo(2027, 3, 8, 0, 0);

        // 4 working days: warned after 3 (Thursday 00:00); 5 working days: after 3.75 (Thursday 18:00)
        assertThat(SlaMath.warnAt(start, FOUR_WORKING_DAYS, NORWAY)).isEqualTo(oslo(2027, 3, 11, 0, 0));
        assertThat(SlaMath.warnAt(start, FIVE_WORKING_DAYS, NORWAY)).isEqualTo(oslo(2027, 3, 11, 18, 0));
        // started on Friday, the weekend does not count towards the warning: three days are Fri, Mon, Tue
        assertThat(SlaMath.warnAt(oslo(2027, 3, 12, 0, 0), FOUR_WORKING_DAYS, NORWAY)).isEqualTo(oslo(2027, 3, 17, 0, 0));
    }

    @Test
    void aPauseOverAWeekendMovesTheDueTimeByItsWeekdaysOnly() {
        Instant due = SlaMath.dueAt(oslo(2027, 3, 8, 10, 0), FIVE_WORKING_DAYS, NORWAY); // Mon 15 March 10:00
        // paused from Friday 12:00 to Monday 12:00: half of Friday and half of Monday, one working day
        Instant moved = SlaMath.movedBy(due, oslo(2027, 3, 12, 12, 0), oslo(2027, 3, 15, 12, 0), FIVE_WORKING_DAYS, NORWAY);

        assertThat(moved).isEqualTo(oslo(2027, 3, 16, 10, 0));
    }

    @Test
    void aPauseOnlyOverClosedDaysDoesNotMoveTheDueTime() {
        Instant due = oslo(2027, 3, 30, 10, 0);
        // Maundy Thursday to Easter Monday, all closed
        Instant moved = SlaMath.movedBy(due, oslo(2027, 3, 25, 0, 0), oslo(2027, 3, 30, 0, 0), FIVE_WORKING_DAYS, NORWAY);

        assertThat(moved).isEqualTo(due);
    }

    @Test
    void aMovedDueTimeSkipsClosedDaysToo() {
        // due Wednesday 24 March 2027 18:00, paused for a whole working day: Maundy Thursday to
        // Easter Monday are closed, so the due time lands on Tuesday 30 March 18:00
        Instant moved = SlaMath.movedBy(oslo(2027, 3, 24, 18, 0), oslo(2027, 3, 22, 0, 0), oslo(2027, 3, 23, 0, 0),
                FIVE_WORKING_DAYS, NORWAY);

        assertThat(moved).isEqualTo(oslo(2027, 3, 30, 18, 0));
    }

    @Test
    void aPauseThatEndsBeforeItBeginsMovesNothing() {
        Instant due = oslo(2027, 3, 15, 10, 0);

        assertThat(SlaMath.movedBy(due, oslo(2027, 3, 10, 0, 0), oslo(2027, 3, 9, 0, 0), FIVE_WORKING_DAYS, NORWAY)).isEqualTo(due);
    }

    @Test
    void aDurationTargetCountsWallClockTimeIgnoringTheCalendar() {
        SlaTarget eightSeconds = SlaTarget.ofDuration(Duration.ofSeconds(8));
        Instant saturday = oslo(2027, 3, 6, 14, 0);

        assertThat(SlaMath.dueAt(saturday, eightSeconds, NORWAY)).isEqualTo(saturday.plusSeconds(8));
        assertThat(SlaMath.warnAt(saturday, eightSeconds, NORWAY)).isEqualTo(saturday.plusSeconds(6));
        // paused for three seconds on a Sunday: the due time moves by three seconds
        Instant sunday = oslo(2027, 3, 7, 9, 0);
        assertThat(SlaMath.movedBy(saturday.plusSeconds(8), sunday, sunday.plusSeconds(3), eightSeconds, NORWAY))
                .isEqualTo(saturday.plusSeconds(11));
    }

    @Test
    void aHospitalsClosedDaysMoveItsDueTimes() {
        WorkingCalendar closedInJuly = WorkingCalendar.of(new CalendarDefinition("NO", "Europe/Oslo",
                LocalDate.of(2027, 7, 5).datesUntil(LocalDate.of(2027, 7, 31)).toList()));
        Instant friday = oslo(2027, 7, 2, 9, 0);

        assertThat(SlaMath.dueAt(friday, SlaTarget.ofWorkingDays(3), NORWAY)).isEqualTo(oslo(2027, 7, 7, 9, 0));
        assertThat(SlaMath.dueAt(friday, SlaTarget.ofWorkingDays(3), closedInJuly)).isEqualTo(oslo(2027, 8, 4, 9, 0));
    }

    @Test
    void aTargetIsEitherWorkingDaysOrADurationAndPositive() {
        assertThatThrownBy(() -> new SlaTarget(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaTarget(5, Duration.ofSeconds(8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaTarget.ofWorkingDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaTarget.ofDuration(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
