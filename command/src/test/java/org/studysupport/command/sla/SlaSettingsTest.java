package org.studysupport.command.sla;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.studysupport.api.reference.Hospital;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.sla.CalendarDefinition;
import org.studysupport.api.sla.SlaTarget;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.studysupport.api.reference.ServiceCode.BIOSTATISTICS;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.api.request.Priority.HIGH;
import static org.studysupport.api.request.Priority.NORMAL;
import static org.studysupport.api.request.Priority.URGENT;
import static org.studysupport.api.sla.Clock.DELIVERY;
import static org.studysupport.api.sla.Clock.HOSPITAL_RESPONSE;
import static org.studysupport.api.sla.Clock.TRIAGE;

/** The {@code study-support.sla} settings as the application binds them, without the application. */
class SlaSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SlaConfiguration.class);

    @Test
    void defaultsAreFiveThreeAndFortyWorkingDaysOnTheNorwegianCalendarInOslo() {
        context.run(started(targets -> {
            assertThat(targets.target(TRIAGE, null, null)).isEqualTo(SlaTarget.ofWorkingDays(5));
            assertThat(targets.target(HOSPITAL_RESPONSE, MONITORING, URGENT)).isEqualTo(SlaTarget.ofWorkingDays(3));
            assertThat(targets.target(DELIVERY, MONITORING, URGENT)).isEqualTo(SlaTarget.ofWorkingDays(40));
            assertThat(targets.calendar(null)).isEqualTo(new CalendarDefinition("NO", "Europe/Oslo", List.of()));
            assertThat(targets.calendar("OUS")).isEqualTo(targets.calendar(null));
        }));
    }

    @Test
    void aClocksWorkingDaysAndDurationAreConfigurableAndTheDurationWins() {
        context.withPropertyValues(
                        "study-support.sla.triage.working-days=2",
                        "study-support.sla.hospital-response.duration=PT8S",
                        "study-support.sla.delivery.working-days=30",
                        "study-support.sla.delivery.duration=2m")
                .run(started(targets -> {
                    assertThat(targets.target(TRIAGE, null, null)).isEqualTo(SlaTarget.ofWorkingDays(2));
                    assertThat(targets.target(HOSPITAL_RESPONSE, BIOSTATISTICS, NORMAL))
                            .isEqualTo(SlaTarget.ofDuration(Duration.ofSeconds(8)));
                    assertThat(targets.target(DELIVERY, BIOSTATISTICS, NORMAL))
                            .isEqualTo(SlaTarget.ofDuration(Duration.ofMinutes(2)));
                }));
    }

    @Test
    void hospitalResponseAndDeliveryMayDifferByPriority() {
        context.withPropertyValues(
                        "study-support.sla.hospital-response.by-priority.URGENT.working-days=1",
                        "study-support.sla.hospital-response.by-priority.HIGH.duration=PT1H",
                        "study-support.sla.delivery.by-priority.URGENT.working-days=10")
                .run(started(targets -> {
                    assertThat(targets.target(HOSPITAL_RESPONSE, MONITORING, URGENT)).isEqualTo(SlaTarget.ofWorkingDays(1));
                    assertThat(targets.target(HOSPITAL_RESPONSE, MONITORING, HIGH)).isEqualTo(SlaTarget.ofDuration(Duration.ofHours(1)));
                    assertThat(targets.target(HOSPITAL_RESPONSE, MONITORING, NORMAL)).isEqualTo(SlaTarget.ofWorkingDays(3));
                    assertThat(targets.target(HOSPITAL_RESPONSE, MONITORING, null)).isEqualTo(SlaTarget.ofWorkingDays(3));
                    assertThat(targets.target(DELIVERY, BIOSTATISTICS, URGENT)).isEqualTo(SlaTarget.ofWorkingDays(10));
                    assertThat(targets.target(DELIVERY, BIOSTATISTICS, NORMAL)).isEqualTo(SlaTarget.ofWorkingDays(40));
                }));
    }

    @Test
    void aServicesDeliveryTargetWinsOverThePrioritys() {
        context.withPropertyValues(
                        "study-support.sla.delivery.by-service.MONITORING.working-days=60",
                        "study-support.sla.delivery.by-priority.URGENT.working-days=10")
                .run(started(targets -> {
                    assertThat(targets.target(DELIVERY, MONITORING, URGENT)).isEqualTo(SlaTarget.ofWorkingDays(60));
                    assertThat(targets.target(DELIVERY, MONITORING, NORMAL)).isEqualTo(SlaTarget.ofWorkingDays(60));
                    assertThat(targets.target(DELIVERY, BIOSTATISTICS, URGENT)).isEqualTo(SlaTarget.ofWorkingDays(10));
                    assertThat(targets.target(DELIVERY, null, null)).isEqualTo(SlaTarget.ofWorkingDays(40));
                }));
    }

    @Test
    void theCalendarsCountryZoneAndClosedDaysAreConfigurable() {
        context.withPropertyValues(
                        "study-support.sla.calendar.country=SE",
                        "study-support.sla.calendar.zone=Europe/Stockholm",
                        "study-support.sla.calendar.closed-days[0]=2027-12-27",
                        "study-support.sla.calendar.closed-days[1]=2027-12-23")
                .run(started(targets -> assertThat(targets.calendar(null)).isEqualTo(new CalendarDefinition("SE",
                        "Europe/Stockholm", List.of(LocalDate.of(2027, 12, 23), LocalDate.of(2027, 12, 27))))));
    }

    @Test
    void theCalendarsZoneDefaultsToTheApplicationsTimeZone() {
        context.withPropertyValues("study-support.time-zone=Europe/Berlin")
                .run(started(targets -> assertThat(targets.calendar(null).zone()).isEqualTo("Europe/Berlin")));
    }

    @Test
    void aHospitalAddsItsClosedDaysToTheNetworksIncludingRanges() {
        context.withBean(HospitalDirectory.class, () -> directory("OUS", "HUS"))
                .withPropertyValues(
                        "study-support.sla.calendar.closed-days[0]=2027-12-27",
                        "study-support.sla.calendar.hospitals.HUS.closed-days[0]=2027-07-05/2027-07-09",
                        "study-support.sla.calendar.hospitals.HUS.closed-days[1]=2027-08-02")
                .run(started(targets -> {
                    CalendarDefinition bergen = targets.calendar("HUS");
                    assertThat(bergen.closedDays()).containsExactly(
                            LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 6), LocalDate.of(2027, 7, 7),
                            LocalDate.of(2027, 7, 8), LocalDate.of(2027, 7, 9), LocalDate.of(2027, 8, 2),
                            LocalDate.of(2027, 12, 27));
                    assertThat(targets.calendar("hus")).isEqualTo(bergen);
                    assertThat(targets.calendar("OUS").closedDays()).containsExactly(LocalDate.of(2027, 12, 27));
                    assertThat(WorkingCalendar.of(bergen).isWorkingDay(LocalDate.of(2027, 7, 7))).isFalse();
                    assertThat(WorkingCalendar.of(targets.calendar("OUS")).isWorkingDay(LocalDate.of(2027, 7, 7))).isTrue();
                }));
    }

    @Test
    void missingZeroOrNegativeTargetsFailTheStart() {
        refused("study-support.sla.triage.working-days=0", "working-days must be positive");
        refused("study-support.sla.hospital-response.working-days=-2", "working-days must be positive");
        refused("study-support.sla.delivery.duration=PT0S", "duration must be positive");
        refused("study-support.sla.delivery.by-service.MONITORING.duration=-PT1S", "duration must be positive");
        refused("study-support.sla.hospital-response.by-priority.URGENT.working-days=",
                "study-support.sla.hospital-response.by-priority.urgent.working-days");
        assertThatThrownBy(() -> new SlaSettings.Target(null, null)).hasMessageContaining("needs working-days or duration");
    }

    @Test
    void anUnknownCountryFailsTheStart() {
        refused("study-support.sla.calendar.country=XX", "No public-holiday calendar is known for country 'XX'");
    }

    @Test
    void unreadableClosedDaysFailTheStart() {
        refused("study-support.sla.calendar.closed-days[0]=2027-02-30", "is neither a date");
        refused("study-support.sla.calendar.hospitals.OUS.closed-days[0]=2027-07-30/2027-07-05", "must run forwards");
        refused("study-support.sla.calendar.closed-days[0]=2027-07-01/2037-07-01", "at most 366 days");
    }

    @Test
    void closedDaysOfAHospitalTheNetworkDoesNotKnowFailTheStart() {
        context.withBean(HospitalDirectory.class, () -> directory("OUS"))
                .withPropertyValues("study-support.sla.calendar.hospitals.OSU.closed-days[0]=2027-07-05")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("study-support.sla.calendar.hospitals.OSU"));
    }

    @Test
    void aTargetTheClockCannotHaveFailsTheStart() {
        // triage starts before the request has a priority; hospital response has no per-service
        // targets; a mistyped name is not silently ignored
        refused("study-support.sla.triage.by-priority.URGENT.working-days=1", "by-priority");
        refused("study-support.sla.hospital-response.by-service.MONITORING.working-days=1", "by-service");
        refused("study-support.sla.delivery.working-day=1", "study-support.sla.delivery.working-day");
    }

    private void refused(String property, String message) {
        context.withPropertyValues(property).run(started -> assertThat(started)
                .as(property).getFailure().hasStackTraceContaining(message));
    }

    private static ContextConsumer<AssertableApplicationContext> started(
            Consumer<SlaTargets> check) {
        return started -> {
            assertThat(started).hasNotFailed();
            check.accept(started.getBean(SlaTargets.class));
        };
    }

    private static HospitalDirectory directory(String... codes) {
        Set<String> known = Set.of(codes);
        return new HospitalDirectory() {
            @Override
            public List<Hospital> all() {
                return List.of();
            }

            @Override
            public Optional<Hospital> find(String code) {
                return known.contains(code) ? Optional.of(new Hospital(code, code, Set.of(), true)) : Optional.empty();
            }
        };
    }
}
