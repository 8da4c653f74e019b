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

/** Reference numbers under concurrent submissions: unique, gap-free and in the order of the event log. */
class ReferenceNumberConcurrencyTest extends PostgresApiTest {

    private static final int SUBMISSIONS = 40;
    private static final int CLIENTS = 8;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    private record Submitted(int status, String id, String reference) {
    }

    @Test
    void concurrentSubmissionsGetUniqueGapFreeReferencesInEventLogOrder() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Submitted>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < SUBMISSIONS; i++) {
                String investigator = i % 2 == 0 ? "investigator1" : "investigator2";
                String title = "Concurrent submission " + i;
                Callable<Submitted> submission = () -> {
                    start.await();
                    Api.Answer answer = as(investigator).post("/api/requests", Api.submission(title, "MONITORING"));
                    return new Submitted(answer.status(), answer.text("id"), answer.text("reference"));
                };
                futures.add(clients.submit(submission));
            }
            start.countDown();
            List<Submitted> results = new ArrayList<>();
            for (Future<Submitted> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).extracting(Submitted::status).containsOnly(201);
            List<String> references = results.stream().map(Submitted::reference).toList();
            assertThat(references).allMatch(r -> r.matches("SR-\\d{4}-\\d{5}")).doesNotHaveDuplicates();
            assertThat(references.stream().map(r -> r.substring(0, 8)).distinct()).hasSize(1);
            List<Long> numbers = references.stream().map(ReferenceNumberConcurrencyTest::number).sorted().toList();
            assertThat(numbers.get(numbers.size() - 1) - numbers.get(0) + 1).isEqualTo(SUBMISSIONS);

            List<String> inLogOrder = referencesInEventLogOrder(results.stream().map(Submitted::id).toList());
            assertThat(inLogOrder).hasSize(SUBMISSIONS);
            assertThat(inLogOrder).isSortedAccordingTo(Comparator.comparingLong(ReferenceNumberConcurrencyTest::number));

            // No number was lost or repeated before these either: the store holds exactly 1..n this year.
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
