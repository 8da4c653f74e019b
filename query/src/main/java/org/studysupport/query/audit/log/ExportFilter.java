package org.studysupport.query.audit.log;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Which events an export contains; every part optional. The period is compared with the stored
 * {@code time_stamp} text, so its bounds are formatted exactly as Axon formats that column (three
 * fraction digits): {@code 10:00:00Z} would sort after {@code 10:00:00.000Z}.
 *
 * @param from        first moment included
 * @param to          first moment excluded
 * @param type        the event type's simple name, e.g. {@code RequestSubmitted}
 * @param actor       the acting user's id
 * @param aggregateId the request's id
 */
public record ExportFilter(Instant from, Instant to, String type, String actor, String aggregateId) {

    public static ExportFilter everything() {
        return new ExportFilter(null, null, null, null, null);
    }

    /**
     * A bound as stored text. Stored times are whole milliseconds, so a bound with a fraction of a
     * millisecond is moved up to the next one: the same events are in and out.
     */
    static String storedForm(Instant bound) {
        Instant millis = bound.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeUtils.formatInstant(millis.equals(bound) ? millis : millis.plusMillis(1));
    }
}
