package org.studysupport.api.sla;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The working-day calendar a clock counts on, as its start event records it: the country whose
 * public holidays are closed (an ISO 3166 code such as {@code NO}), the time zone whose local days
 * are counted, and the extra closed days (the network's own, plus a hospital unit's summer
 * closure). Recorded rather than looked up, so a later change of configuration or of the holiday
 * rules does not change a clock already running.
 *
 * @param country    the holiday calendar's country code, upper case
 * @param zone       a time-zone id such as {@code Europe/Oslo}
 * @param closedDays extra closed days, sorted and distinct
 */
public record CalendarDefinition(String country, String zone, List<LocalDate> closedDays) {

    public CalendarDefinition {
        Objects.requireNonNull(country, "country");
        if (country.isBlank()) {
            throw new IllegalArgumentException("A calendar needs a country code");
        }
        country = country.strip().toUpperCase(Locale.ROOT);
        zone = ZoneId.of(Objects.requireNonNull(zone, "zone")).getId();
        closedDays = closedDays == null ? List.of() : closedDays.stream().sorted().distinct().toList();
    }
}
