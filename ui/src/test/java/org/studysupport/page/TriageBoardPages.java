package org.studysupport.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.studysupport.support.Api;
import org.studysupport.support.Browser;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which page of the triage board shows a request, for tests that share one database: the board
 * shows the API's triage queue, in its order, a page at a time.
 */
final class TriageBoardPages {

    /** The board's page size (TriageBoardPage.PAGE_SIZE). */
    static final int PAGE_SIZE = 25;

    private TriageBoardPages() {
    }

    /** The board's page that shows the request, from the API's triage queue in the same order. */
    static int pageOf(Api coordinator, String id) {
        List<String> ids = Workflow.ids(Workflow.allItems(coordinator, "/api/queues/triage"), "id");
        assertThat(ids).contains(id);
        return ids.indexOf(id) / PAGE_SIZE;
    }

    /**
     * The page a request submitted now will land on: the queue is ordered by due time, and every
     * request in it is due before one submitted now (submitted earlier, on the same target), except
     * those other tests placed in years to come.
     */
    static int pageOfTheNextSubmission(Api coordinator) {
        Instant farAhead = Instant.now().plus(Duration.ofDays(180));
        long before = Workflow.allItems(coordinator, "/api/queues/triage").stream()
                .filter(item -> orderedBy(item).isBefore(farAhead))
                .count();
        return (int) (before / PAGE_SIZE);
    }

    /** Waits until the board's live connection is open (queues.js marks it). */
    static void awaitConnected(Browser browser) {
        await().atMost(Duration.ofSeconds(15)).until(() -> "true".equals(
                browser.find(By.id("live-status")).getAttribute("data-connected")));
    }

    private static Instant orderedBy(JsonNode item) {
        String due = item.path("slaDueAt").asText(null);
        return Instant.parse(due != null && !item.path("slaDueAt").isNull() ? due : item.path("submittedAt").asText());
    }
}
