package org.studysupport.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.studysupport.support.Api;
import org.studysupport.support.ApplicationProcess;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.StoreConsistency;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed with SIGKILL (no shutdown hook, no graceful shutdown) while six clients submit,
 * then started again on the same database: every submission answered 201 is in the event store
 * and in the views, read through the restarted node; a submission that got no answer is stored
 * whole or not at all, and once if its client resends it with its idempotency key; no reference
 * number is given twice; the catch-up processor goes on from its tokens to the head of the log.
 * Stopped gracefully (SIGTERM) at the end, the node releases its segments' claims.
 */
@Tag("faults")
class NodeKilledTest {

    private static final String NODE = "killed-node";
    private static final int CLIENTS = 6;
    private static final int CREATED_BEFORE_KILL = 40;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CATCH_UP_POSITIONS = "select owner, convert_from(token, 'UTF8') from token_entry"
            + " where processor_name = 'request-view-catch-up'";

    @Test
    void submissionsAnsweredBeforeASigkillAreStoredAndReadableAndNoneIsHalfWrittenOrNumberedTwice() {
        String database = EmbeddedDatabase.newDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
        AtomicInteger port = new AtomicInteger();

        ApplicationProcess killed = ApplicationProcess.start(database, NODE);
        port.set(killed.port());
        SubmissionLoad load = new SubmissionLoad(CLIENTS, port::get);
        try {
            await().atMost(WAIT).until(() -> load.created() >= CREATED_BEFORE_KILL);
            killed.kill();
            long createdBeforeKill = load.created();
            await().atMost(WAIT).until(() -> load.failed() >= CLIENTS);
            // the clients wait while the node is down, rather than pile up refused attempts
            load.pauseClients();

            try (ApplicationProcess restarted = ApplicationProcess.start(database, NODE)) {
                port.set(restarted.port());
                load.resume();
                await().atMost(WAIT).until(() -> load.created() >= createdBeforeKill + 20);
                load.close();

                assertThat(load.statuses().keySet()).as("answers: " + load.statuses()).containsOnly(201, 0);
                List<SubmissionLoad.Attempt> attempts = load.attempts();
                DatabaseOutageTest.assertStoredWholeOrNotAtAll(jdbc, attempts);
                List<String> references = StoreConsistency.assertReferencesUnique(jdbc);
                for (SubmissionLoad.Attempt attempt : attempts) {
                    if (attempt.created()) {
                        assertThat(references).contains(attempt.reference());
                        Api.Answer read = restarted.as("investigator1").get("/api/requests/" + attempt.requestId());
                        assertThat(read.status()).as("'" + attempt.title() + "' read through the restarted node")
                                .isEqualTo(200);
                        assertThat(read.text("reference")).isEqualTo(attempt.reference());
                    }
                }

                resendUnansweredWithTheirKeys(restarted, attempts, jdbc);
                StoreConsistency.assertViewsAgreeWithEvents(jdbc);
                StoreConsistency.assertReferencesUnique(jdbc);

                long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
                await().atMost(WAIT).untilAsserted(() -> assertThat(catchUpPositions(jdbc))
                        .as("the catch-up processor's segments, claimed by the restarted node, at the head")
                        .hasSize(4).allSatisfy(position -> assertThat(position).isGreaterThanOrEqualTo(head)));
                assertThat(jdbc.queryForList("select distinct owner from token_entry"
                        + " where processor_name = 'request-view-catch-up'", String.class)).containsExactly(NODE);

                restarted.close();
                assertThat(jdbc.queryForList("select distinct owner from token_entry"
                        + " where processor_name = 'request-view-catch-up'", String.class))
                        .as("claims after a graceful stop (SIGTERM): released for the next node at once")
                        .containsOnlyNulls();
            }
        } finally {
            load.close();
            killed.kill();
        }
    }

    /**
     * What a client that got no answer does: resend with the same key. It is answered with the
     * one request that holds its title, stored now if it was not before.
     */
    private static void resendUnansweredWithTheirKeys(ApplicationProcess node, List<SubmissionLoad.Attempt> attempts,
                                                      JdbcTemplate jdbc) {
        List<SubmissionLoad.Attempt> unanswered = attempts.stream()
                .filter(attempt -> !attempt.created() && attempt.key() != null).toList();
        assertThat(unanswered).as("keyed submissions cut off by the kill").isNotEmpty();
        long storedUnanswered = unanswered.stream().filter(attempt -> !jdbc.queryForList(
                "select id from request_view where title = ?", attempt.title()).isEmpty()).count();
        System.out.printf("NodeKilledTest: %d keyed submissions unanswered, %d of them stored before the resend%n",
                unanswered.size(), storedUnanswered);
        for (SubmissionLoad.Attempt attempt : unanswered) {
            Api.Answer again = SubmissionLoad.resend(node.port(), attempt);
            assertThat(again.status()).as("'" + attempt.title() + "' resent").isEqualTo(201);
            assertThat(jdbc.queryForList("select cast(id as varchar) from request_view where title = ?",
                    String.class, attempt.title())).as("requests titled '" + attempt.title() + "' after the resend")
                    .containsExactly(again.text("id"));
        }
    }

    /** The position of each segment's token, whatever the token's kind (its JSON's index field). */
    private static List<Long> catchUpPositions(JdbcTemplate jdbc) {
        return jdbc.query(CATCH_UP_POSITIONS, (row, n) -> {
            String token = row.getString(2);
            java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"(?:index|globalIndex)\"\\s*:\\s*(\\d+)")
                    .matcher(token == null ? "" : token);
            return index.find() ? Long.parseLong(index.group(1)) : -1L;
        });
    }
}
