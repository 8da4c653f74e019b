package org.studysupport.web.page;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.studysupport.config.StudySupportProperties;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Moments as the pages show them: in the network's time zone ({@code study-support.time-zone}), in
 * the page's language; the exact UTC instant goes in the {@code datetime} attribute of the
 * {@code <time>} element beside it. Templates call it as {@code @pageTimes.text(moment)}.
 */
@Component
public class PageTimes {

    private final ZoneId zone;

    public PageTimes(StudySupportProperties properties) {
        this.zone = properties.timeZone();
    }

    /** Date and time to the minute, e.g. {@code 01.12.2026, 14:05} in bokmål; empty for no moment. */
    public String text(Instant moment) {
        if (moment == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone).format(moment);
    }

    /** The date alone. */
    public String date(Instant moment) {
        if (moment == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone).format(moment);
    }

    /** The ISO-8601 UTC instant, for {@code <time datetime>}. */
    public String iso(Instant moment) {
        return moment == null ? "" : moment.toString();
    }
}
