package org.studysupport.command.sla;

import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.sla.CalendarDefinition;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.SlaTarget;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The targets and calendars a clock starting now takes, from the configuration ({@link SlaSettings}).
 * A clock records what it was given in its start event; a later change of configuration applies
 * to clocks started after it.
 *
 * <p><b>Precedence</b>, most specific first: for delivery, the service's target
 * ({@code delivery.by-service.<SERVICE>}) wins over the priority's ({@code delivery.by-priority.<PRIORITY>}),
 * because a service's target says how long its work takes, whatever the request's urgency; for
 * hospital response, the priority's target; otherwise the clock's own. Within one target a
 * {@code duration} wins over {@code working-days}.
 *
 * <p><b>Calendars</b>: the national calendar of {@code calendar.country} in {@code calendar.zone},
 * with the network-wide {@code calendar.closed-days}; a hospital's calendar adds
 * {@code calendar.hospitals.<CODE>.closed-days}. An unknown country, or closed days for a hospital
 * the network does not know, fail the start.
 */
public final class SlaTargets {

    private final SlaSettings settings;
    private final CalendarDefinition national;
    private final Map<String, CalendarDefinition> byHospital;

    /**
     * @param settings      the bound configuration
     * @param fallbackZone  the zone when {@code calendar.zone} is not set: the application's time zone
     * @param knownHospital whether a hospital code belongs to the network
     * @throws IllegalArgumentException on an unknown country or hospital
     */
    public SlaTargets(SlaSettings settings, ZoneId fallbackZone, Predicate<String> knownHospital) {
        this.settings = Objects.requireNonNull(settings, "settings");
        SlaSettings.CalendarSettings calendar = settings.calendar();
        ZoneId zone = calendar.zone() != null ? calendar.zone() : fallbackZone;
        this.national = new CalendarDefinition(calendar.country(), zone.getId(), calendar.closedDayDates());
        WorkingCalendar.of(national); // refuses an unknown country now, not at the first request
        this.byHospital = hospitalCalendars(calendar, knownHospital);
    }

    /**
     * The target of a clock starting now. The service matters for delivery only, the priority for
     * hospital response and delivery; triage has one target.
     *
     * @param service  the assignment's service; null for triage
     * @param priority the request's priority; null before the request is accepted
     */
    public SlaTarget target(Clock clock, ServiceCode service, Priority priority) {
        return switch (clock) {
            case TRIAGE -> SlaSettings.Target.of(settings.triage().workingDays(), settings.triage().duration());
            case HOSPITAL_RESPONSE -> {
                SlaSettings.HospitalResponse rules = settings.hospitalResponse();
                SlaSettings.Target byPriority = priority == null ? null : rules.byPriority().get(priority);
                yield byPriority != null ? byPriority.toSlaTarget()
                        : SlaSettings.Target.of(rules.workingDays(), rules.duration());
            }
            case DELIVERY -> {
                SlaSettings.Delivery rules = settings.delivery();
                SlaSettings.Target byService = service == null ? null : rules.byService().get(service);
                SlaSettings.Target byPriority = priority == null ? null : rules.byPriority().get(priority);
                SlaSettings.Target chosen = byService != null ? byService : byPriority;
                yield chosen != null ? chosen.toSlaTarget()
                        : SlaSettings.Target.of(rules.workingDays(), rules.duration());
            }
        };
    }

    /**
     * The calendar a clock starting now counts on.
     *
     * @param hospitalCode the hospital whose clock it is; null for the network's own clocks (triage),
     *                     which count on the national calendar with the network-wide closed days
     */
    public CalendarDefinition calendar(String hospitalCode) {
        if (hospitalCode == null) {
            return national;
        }
        return byHospital.getOrDefault(hospitalCode.toUpperCase(Locale.ROOT), national);
    }

    private Map<String, CalendarDefinition> hospitalCalendars(SlaSettings.CalendarSettings calendar,
                                                              Predicate<String> knownHospital) {
        Map<String, CalendarDefinition> calendars = new HashMap<>();
        calendar.hospitals().forEach((code, hospital) -> {
            String normalised = code.toUpperCase(Locale.ROOT);
            if (!knownHospital.test(normalised)) {
                throw new IllegalArgumentException("study-support.sla.calendar.hospitals." + code
                        + ": no partner hospital has the code " + normalised);
            }
            List<LocalDate> closedDays = new ArrayList<>(national.closedDays());
            closedDays.addAll(hospital.closedDayDates());
            calendars.put(normalised, new CalendarDefinition(national.country(), national.zone(), closedDays));
        });
        return Map.copyOf(calendars);
    }

    /** Accepts every hospital code: for settings read where the network's hospitals are not known. */
    public static Predicate<String> anyHospital() {
        return code -> true;
    }
}
