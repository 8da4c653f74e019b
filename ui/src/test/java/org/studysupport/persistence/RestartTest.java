package org.studysupport.persistence;

import org.junit.jupiter.api.Test;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store is the system of record: stopping and starting the application loses nothing. */
class RestartTest {

    @Test
    void requestWalkedPartWaySurvivesRestartOnPostgresAndReferenceNumbersContinue() {
        String database = EmbeddedDatabase.newDatabase();

        PartWalkedRequest walked;
        try (RunningApplication first = RunningApplication.onPostgres(database, Map.of())) {
            walked = PartWalkedRequest.walk(first, "Restart on PostgreSQL");
            assertThat(walked.reference()).matches("SR-\\d{4}-00001");
        }

        try (RunningApplication second = RunningApplication.onPostgres(database, Map.of())) {
            walked.assertIntactAndFinishableIn(second);
            assertThat(second.jdbc().queryForObject("select count(*) from request_view", Long.class)).isEqualTo(2);
        }
    }
}
