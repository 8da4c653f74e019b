package org.studysupport.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference numbers under concurrent submissions: unique, none lost when no submission failed, and
 * in each client's submission order. Submissions do not wait for each other's commits: a number
 * is drawn in a transaction of its own.
 */
class ReferenceNumberConcurrencyTest extends PostgresApiTest {

    private static final int CLIENTS = 8;
    private static final int SUBMISSIONS_PER_CLIENT = 5;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    private record Submitted(int status, String id, String reference) {
    }

    @Test
    void concurrentSubmissionsGetUniqueReferencesWithoutGapsInEachClientsOrder() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Submitted>>> futures = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                String investigator = c % 2 == 0 ? "investigator1" : "investigator2";
                int client = c;
                Callable<List<Submitted>> oneClient = () -> {
                    start.await();
                    List<Submitted> own = new ArrayList<>();
                    for (int i = 0; i < SUBMISSIONS_PER_CLIENT; i++) {
                        Api.Answer answer = as(investigator).post("/api/requests",
                                Api.submission("Concurrent submission " + client + "-" + i, "MONITORING"));
                        own.add(new Submitted(answer.status(), answer.text("id"), answer.text("reference")));
                    }
                    return own;
                };
                futures.add(clients.submit(oneClient));
            }
            start.countDown();
            List<Submitted> results = new ArrayList<>();
            for (Future<List<Submitted>> future : futures) {
                List<Submitted> own = future.get(60, TimeUnit.SECONDS);
                assertThat(own.stream().map(s -> number(s.reference())).toList())
                        .as("one client's submissions, one after the other, get increasing numbers")
                        .isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
                results.addAll(own);
            }

            assertThat(results).extracting(Submitted::status).containsOnly(201);
            List<String> references = results.stream().map(Submitted::reference).toList();
            assertThat(references).allMatch(r -> r.matches("SR-\\d{4}-\\d{5}")).doesNotHaveDuplicates();
            assertThat(references.stream().map(r -> r.substring(0, 8)).distinct()).hasSize(1);
            List<Long> numbers = references.stream().map(ReferenceNumberConcurrencyTest::number).sorted().toList();
            assertThat(numbers.get(numbers.size() - 1) - numbers.get(0) + 1).isEqualTo(CLIENTS * SUBMISSIONS_PER_CLIENT);

            List<String> stored = referencesInEventLogOrder(results.stream().map(Submitted::id).toList());
            assertThat(stored).containsExactlyInAnyOrderElementsOf(references);

            // No submission failed here or before: the store holds exactly 1..n this year.
            String year = references.get(0).substring(3, 7);
            List<Long> all = jdbc.queryForList("select reference from request_view where reference like :prefix",
                    new MapSqlParameterSource("prefix", "SR-" + year + "-%"), String.class)
                    .stream().map(ReferenceNumberConcurrencyTest::number).sorted().toList();
            assertThat(all).isEqualTo(LongStream.rangeClosed(1, all.size()).boxed().toList());
            assertThat(jdbc.queryForObject("select last_number from reference_counter where reference_year = :year",
                    new MapSqlParameterSource("year", Integer.parseInt(year)), Long.class)).isEqualTo(all.size());
        } finally {
            clients.shutdownNow();
        }
    }

    private List<String> referencesInEventLogOrder(List<String> requestIds) {
        ObjectMapper json = new ObjectMapper();
        return jdbc.query("""
                        select payload from domain_event_entry
                        where payload_type = 'org.studysupport.api.request.RequestSubmitted'
                          and aggregate_identifier in (:ids)
                        order by global_index""",
                new MapSqlParameterSource("ids", requestIds),
                (row, n) -> {
                    try {
                        return json.readTree(new String(row.getBytes("payload"), StandardCharsets.UTF_8))
                                .path("reference").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static long number(String reference) {
        return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
    }
}
