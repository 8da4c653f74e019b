package org.studysupport.command.reference;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Reference numbers from a counter row per year in the application's database.
 * <p>
 * Each number is drawn in a short transaction of its own, on connections of its own: the counter's
 * row lock lasts one increment, not the whole submission, so submissions are not serialized behind
 * each other's commits, and every node sharing the database draws from the same counter. Numbers
 * are unique and follow the order in which submissions draw them; a submission that fails after
 * drawing leaves its number unused. The connections are separate from the application's pool so
 * that a submission holding one of those never waits for another one of the same pool.
 */
public class DatabaseReferenceNumbers implements ReferenceNumbers {

    private static final String INCREMENT =
            "update reference_counter set last_number = last_number + 1 where reference_year = ?";
    private static final String READ = "select last_number from reference_counter where reference_year = ?";
    /** Creates a year's counter unless it exists, without failing when a concurrent submission made it. */
    private static final String CREATE_POSTGRESQL =
            "insert into reference_counter (reference_year, last_number) values (?, 0) on conflict do nothing";
    private static final String CREATE_STANDARD = "merge into reference_counter c using (values (cast(? as integer)))"
            + " y (reference_year) on c.reference_year = y.reference_year"
            + " when not matched then insert (reference_year, last_number) values (y.reference_year, 0)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ZoneId zone;
    private volatile String createCounter;

    /** @param counterConnections connections used for nothing else than drawing numbers */
    public DatabaseReferenceNumbers(DataSource counterConnections, Clock clock, ReferenceNumberSettings settings) {
        this.jdbc = new JdbcTemplate(counterConnections);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(counterConnections));
        this.clock = clock;
        this.zone = settings.zone();
    }

    @Override
    public String next() {
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        Long number = ownTransaction.execute(status -> {
            if (jdbc.update(INCREMENT, year) == 0) {
                jdbc.update(createCounterStatement(), year);
                jdbc.update(INCREMENT, year);
            }
            return jdbc.queryForObject(READ, Long.class, year);
        });
        return ReferenceNumbers.format(year, number);
    }

    private String createCounterStatement() {
        if (createCounter == null) {
            String product = jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName());
            createCounter = "PostgreSQL".equalsIgnoreCase(product) ? CREATE_POSTGRESQL : CREATE_STANDARD;
        }
        return createCounter;
    }
}
