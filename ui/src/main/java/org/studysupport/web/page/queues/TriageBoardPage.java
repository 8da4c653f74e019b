package org.studysupport.web.page.queues;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studysupport.api.query.RequestPage;
import org.studysupport.api.query.RequestSummary;
import org.studysupport.api.security.Action;
import org.studysupport.application.QueueService;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.Paging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The coordinators' triage board ({@code /triage}): the triage queue as {@link QueueService#triage}
 * answers it, earliest due first, with why each request waits, its age and where it stands against
 * its due time. The board stays live: it listens to {@code /triage/stream} ({@link BoardStreams}) and, on each change,
 * fetches its table again ({@code /triage/table}). Only roles granted
 * {@link Action#READ_TRIAGE_QUEUE} may open it, as for the API's queue.
 */
@Controller
public class TriageBoardPage {

    static final int PAGE_SIZE = 25;

    private final QueueService queues;
    private final Clock clock;

    public TriageBoardPage(QueueService queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    /** One line of the board: the request's summary, its age and its due state. */
    public record Row(RequestSummary request, Waiting age, DueState due) {

        /** The row's style: breached first, then escalated (the badges say it in words too). */
        public String css() {
            if (due.overdue()) {
                return "breached";
            }
            return request.escalated() ? "escalated" : null;
        }
    }

    @GetMapping("/triage")
    String board(@RequestParam(defaultValue = "0") int page, Model model) {
        table(page, model);
        return "queues/triage";
    }

    @GetMapping("/triage/table")
    String table(@RequestParam(defaultValue = "0") int page, Model model) {
        Action.READ_TRIAGE_QUEUE.requireRole(CurrentActor.get());
        Paging.check(page, PAGE_SIZE);
        RequestPage queue = queues.triage(page, PAGE_SIZE);
        Instant now = clock.instant();
        List<Row> rows = queue.items().stream()
                .map(item -> new Row(item, Waiting.since(item.submittedAt(), now), DueState.of(item.slaDueAt(), now)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("pager", Pager.of(queue.page(), queue.size(), queue.total(), "/triage"));
        model.addAttribute("refreshedAt", now);
        return "queues/triage :: table";
    }
}
