package org.studysupport.command.reference;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Reference numbers from a counter row per year in the application's database.
 * <p>
 * The counter is a row per year in the database, incremented inside the transaction that stores the
 * submission: the row lock orders concurrent submissions, a failed submission rolls its number back
 * (no gaps), and every node sharing the database draws from the same counter.
 */
@Component
public class DatabaseReferenceNumbers implements ReferenceNumbers {

    private static final String INCREMENT =
            "update reference_counter set last_number = last_number + 1 where reference_year = ?";
    private static final String READ = "select last_number from reference_counter where reference_year = ?";
    private static final String CREATE = "insert into reference_counter (reference_year, last_number) values (?, 0)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final ZoneId zone;

    public DatabaseReferenceNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                            ReferenceNumberSettings settings) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = settings.zone();
    }

    /** Must run inside the transaction that stores the submission. */
    @Override
    public String next() {
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        if (jdbc.update(INCREMENT, year) == 0) {
            createCounter(year);
            jdbc.update(INCREMENT, year);
        }
        Long number = jdbc.queryForObject(READ, Long.class, year);
        return ReferenceNumbers.format(year, number);
    }

    private void createCounter(int year) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc.update(CREATE, year));
        } catch (DuplicateKeyException createdByAnotherSubmission) {
            // another node or thread created this year's counter first: use it
        }
    }
}
