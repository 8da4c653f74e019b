package org.studysupport.web.page.audit;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.studysupport.config.StudySupportProperties;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Moments as the audit pages show them: like the other pages (the network's time zone, the page's
 * language), but to the second, since steps of one request often fall within the same minute.
 * Templates call it as {@code @auditTimes.text(moment)}; the exact instant stays in {@code <time datetime>}.
 */
@Component
public class AuditTimes {

    private final ZoneId zone;

    public AuditTimes(StudySupportProperties properties) {
        this.zone = properties.timeZone();
    }

    /** Date and time to the second, e.g. {@code 1. des. 2026, 14:05:03} in bokmål; empty for no moment. */
    public String text(Instant moment) {
        if (moment == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone).format(moment);
    }
}
