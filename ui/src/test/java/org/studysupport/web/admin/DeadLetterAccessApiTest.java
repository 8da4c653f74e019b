package org.studysupport.web.admin;

import org.junit.jupiter.api.Test;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.ProblemAssert;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and retry dead letters: admins only; an unknown letter is 404; bad paging is 400. */
class DeadLetterAccessApiTest extends PostgresApiTest {

    private static final List<String> NOT_ADMINS = List.of("investigator1", "coordinator", "ous-staff", "auditor");

    @Test
    void onlyAdminsSeeTheDeadLetters() {
        for (String user : NOT_ADMINS) {
            ProblemAssert.assertProblem(as(user).get("/api/admin/dead-letters"), 403);
        }
        assertThat(anonymous().get("/api/admin/dead-letters").status()).isEqualTo(401);
        var page = ok(as("admin").get("/api/admin/dead-letters?page=0&size=5"));
        assertThat(page.path("items").isArray()).isTrue();
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(5);
        assertThat(page.path("total").isIntegralNumber()).isTrue();
    }

    @Test
    void onlyAdminsRetry() {
        for (String user : NOT_ADMINS) {
            ProblemAssert.assertProblem(as(user).post("/api/admin/dead-letters/" + UUID.randomUUID() + "/retry",
                    Map.of()), 403);
        }
    }

    @Test
    void retryingAnUnknownLetterIsNotFound() {
        ProblemAssert.assertProblem(as("admin").post("/api/admin/dead-letters/" + UUID.randomUUID() + "/retry",
                Map.of()), 404);
    }

    @Test
    void pagingOutOfRangeIsRefused() {
        var problem = ProblemAssert.assertProblem(as("admin").get("/api/admin/dead-letters?size=201"), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("size");
    }
}
