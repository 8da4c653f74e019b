package org.studysupport.persistence;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.studysupport.api.sla.CalendarDefinition;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.SlaTarget;
import org.studysupport.command.sla.SlaTargets;
import org.studysupport.support.PostgresApiTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values a clock's start event is to carry survive the application's event serializer as they
 * are, so a clock can be recomputed from the stored history; and the application starts with the
 * service-level settings wired to its hospitals.
 */
class SlaValuesSerializationTest extends PostgresApiTest {

    /** Stands in for a clock's start event. */
    record ClockStarted(Clock clock, SlaTarget target, CalendarDefinition calendar) {
    }

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Autowired
    SlaTargets targets;

    @Test
    void targetsAndCalendarsRoundTripThroughTheEventSerializer() {
        CalendarDefinition calendar = new CalendarDefinition("NO", "Europe/Oslo",
                List.of(LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 6)));
        for (SlaTarget target : List.of(SlaTarget.ofWorkingDays(5), SlaTarget.ofDuration(Duration.ofSeconds(8)))) {
            ClockStarted started = new ClockStarted(Clock.DELIVERY, target, calendar);

            SerializedObject<byte[]> stored = events.serialize(started, byte[].class);
            String json = new String(stored.getData(), StandardCharsets.UTF_8);

            assertThat(json).doesNotContainIgnoringCase("wallclock").contains("\"2027-07-05\"", "\"Europe/Oslo\"");
            assertThat(events.<byte[], ClockStarted>deserialize(stored)).isEqualTo(started);
        }
    }

    @Test
    void theApplicationStartsWithTheDefaultTargetsOnTheNorwegianCalendar() {
        assertThat(targets.target(Clock.TRIAGE, null, null)).isEqualTo(SlaTarget.ofWorkingDays(5));
        assertThat(targets.target(Clock.HOSPITAL_RESPONSE, null, null)).isEqualTo(SlaTarget.ofWorkingDays(3));
        assertThat(targets.target(Clock.DELIVERY, null, null)).isEqualTo(SlaTarget.ofWorkingDays(40));
        assertThat(targets.calendar("OUS")).isEqualTo(new CalendarDefinition("NO", "Europe/Oslo", List.of()));
    }
}
