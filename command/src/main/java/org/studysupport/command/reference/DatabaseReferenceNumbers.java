package org.studysupport.command.reference;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Reference numbers from a counter row per year in the application's database.
 * <p>
 * The counter is a row per year in the database, incremented inside the transaction that stores the
 * submission: the row lock orders concurrent submissions, a failed submission rolls its number back
 * (no gaps), and every node sharing the database draws from the same counter. A year's counter is
 * created by its first submission, in the same transaction (no second connection is needed).
 */
@Component
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
    private final Clock clock;
    private final ZoneId zone;
    private volatile String createCounter;

    public DatabaseReferenceNumbers(JdbcTemplate jdbc, Clock clock, ReferenceNumberSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = settings.zone();
    }

    /** Must run inside the transaction that stores the submission. */
    @Override
    public String next() {
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        if (jdbc.update(INCREMENT, year) == 0) {
            jdbc.update(createCounterStatement(), year);
            jdbc.update(INCREMENT, year);
        }
        Long number = jdbc.queryForObject(READ, Long.class, year);
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
