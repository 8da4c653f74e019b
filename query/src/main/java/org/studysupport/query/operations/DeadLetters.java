package org.studysupport.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.problem.UnknownEntityException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The events the read models' processors parked (Axon's dead-letter queue, table
 * {@code dead_letter_entry}), and their retry. The list is read with SQL; a retry goes through
 * Axon, which runs the processing group's handlers on the letters of the sequence in order and
 * removes each one that succeeds.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private static final String COLUMNS = "dead_letter_id, processing_group, sequence_identifier, sequence_index,"
            + " event_identifier, payload_type, aggregate_identifier, sequence_number, enqueued_at, last_touched,"
            + " cause_type, cause_message";

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Clock clock;

    public DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing, Clock clock) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.clock = clock;
    }

    /** Every parked event of every processor, oldest first. */
    public DeadLetterPage list(int page, int size) {
        List<DeadLetterView> items = jdbc.query("select " + COLUMNS + " from dead_letter_entry"
                        + " order by enqueued_at, processing_group, sequence_identifier, sequence_index"
                        + " limit ? offset ?",
                (rs, row) -> letter(rs), size, (long) page * size);
        Long total = jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class);
        return new DeadLetterPage(items, page, size, total == null ? 0 : total);
    }

    /**
     * Handles the letter's sequence again, from its first letter (Axon retries a sequence only from
     * its start, and in order), through the processor's handlers.
     *
     * @param retriedBy who asked, for the log
     * @throws UnknownEntityException when there is no such letter
     */
    public RetryOutcome retry(String id, String retriedBy) {
        DeadLetterView letter = find(id).orElseThrow(() -> new UnknownEntityException("No such dead letter."));
        String group = letter.processingGroup();
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalStateException("Processing group " + group + " has no dead-letter queue"));
        Optional<DeadLetterView> first = firstOf(group, letter.sequence());
        boolean retried = first.isPresent() && processor.process(
                candidate -> candidate.message().getIdentifier().equals(first.get().eventId()));
        long remaining = sizeOf(group, letter.sequence());
        DeadLetterView.Cause cause = remaining == 0 ? null
                : firstOf(group, letter.sequence()).map(DeadLetterView::cause).orElse(null);
        RetryOutcome outcome = new RetryOutcome(id, retried, remaining, cause);
        log.info("Dead letter {} ({} sequence {}) retried by {} at {}: retried={}, remaining={}{}", id, group,
                letter.sequence(), retriedBy, clock.instant(), outcome.retried(), remaining,
                cause == null ? "" : ", cause " + cause.type() + ": " + cause.message());
        return outcome;
    }

    private Optional<DeadLetterView> find(String id) {
        return jdbc.query("select " + COLUMNS + " from dead_letter_entry where dead_letter_id = ?",
                (rs, row) -> letter(rs), id).stream().findFirst();
    }

    private Optional<DeadLetterView> firstOf(String group, String sequence) {
        return jdbc.query("select " + COLUMNS + " from dead_letter_entry where processing_group = ?"
                        + " and sequence_identifier = ? order by sequence_index limit 1",
                (rs, row) -> letter(rs), group, sequence).stream().findFirst();
    }

    private long sizeOf(String group, String sequence) {
        Long size = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?"
                + " and sequence_identifier = ?", Long.class, group, sequence);
        return size == null ? 0 : size;
    }

    private static DeadLetterView letter(ResultSet rs) throws SQLException {
        String causeType = rs.getString("cause_type");
        long sequenceNumber = rs.getLong("sequence_number");
        Long eventSequence = rs.wasNull() ? null : sequenceNumber;
        return new DeadLetterView(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                rs.getString("sequence_identifier"), rs.getLong("sequence_index"), rs.getString("event_identifier"),
                simpleName(rs.getString("payload_type")), rs.getString("aggregate_identifier"),
                eventSequence, instant(rs.getTimestamp("enqueued_at")),
                instant(rs.getTimestamp("last_touched")),
                causeType == null ? null : new DeadLetterView.Cause(causeType, rs.getString("cause_message")));
    }

    /** {@code org.studysupport.api.request.RequestAccepted} → {@code RequestAccepted}. */
    private static String simpleName(String type) {
        return type == null ? null : type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private static Instant instant(Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}
