package org.studysupport.notification;

import java.net.URI;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * The texts of the e-mail, from the resource bundles {@code notifications/messages_nb} and
 * {@code notifications/messages_en}: a subject and a few plain lines with the link to the request's
 * page. They name the request by its reference and, for hospitals and coordinators, the service,
 * hospital and clock concerned; never a person, a comment, a note or an answer.
 */
class EmailTexts {

    /** What an e-mail says; each has a {@code <key>.subject} and a {@code <key>.body} in the bundles. */
    enum Kind {
        CLARIFICATION_ASKED("clarification-asked"),
        REQUEST_ACCEPTED("request-accepted"),
        REQUEST_REJECTED("request-rejected"),
        REQUEST_COMPLETED("request-completed"),
        ASSIGNMENT_ARRIVED("assignment-arrived"),
        ASSIGNMENT_REASSIGNED_AWAY("assignment-reassigned-away"),
        SLA_WARNING("sla-warning"),
        SLA_BREACHED("sla-breached"),
        REQUEST_ESCALATED("request-escalated");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** A rendered e-mail. */
    record Text(String subject, String body) {
    }

    /**
     * The values a text may use: {0} the reference, {1} the link, {2} the service, {3} the hospital,
     * {4} the clock, {5} the due time (in the site's zone).
     */
    record Values(String reference, UUID requestId, String service, String hospital, String clock, Instant dueAt) {
    }

    private static final String BUNDLE = "notifications/messages";

    private final URI baseUrl;
    private final ZoneId zone;

    EmailTexts(URI baseUrl, ZoneId zone) {
        this.baseUrl = baseUrl;
        this.zone = zone;
    }

    Text render(Kind kind, String language, Values values) {
        Locale locale = Locale.forLanguageTag(language);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] arguments = {values.reference(), link(values.requestId()), nullToEmpty(values.service()),
                nullToEmpty(values.hospital()), nullToEmpty(values.clock()),
                values.dueAt() == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(values.dueAt().atZone(zone))};
        return new Text(format(bundle.getString(kind.key + ".subject"), locale, arguments),
                format(bundle.getString(kind.key + ".body"), locale, arguments)
                        + "\n\n" + bundle.getString("footer"));
    }

    /** The page of the request in the web interface. */
    String link(UUID requestId) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/requests/" + requestId;
    }

    private static String format(String pattern, Locale locale, Object[] arguments) {
        return new MessageFormat(pattern, locale).format(arguments);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
