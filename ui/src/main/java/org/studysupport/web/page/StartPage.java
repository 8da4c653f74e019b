package org.studysupport.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studysupport.api.query.ListRequests;
import org.studysupport.api.query.RequestSort;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;
import org.studysupport.application.QueueService;
import org.studysupport.application.RequestService;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.page.queues.Dashboard;

/**
 * The start page ({@code start.html}): for each role, where its work is. Those granted
 * {@link Action#READ_STATISTICS} (coordinators, auditors, admins) see the dashboard's charts for a
 * period they may choose; investigators their latest requests and the way to a new one; hospital
 * staff how many assignments wait in their hospital's queue.
 */
@Controller
public class StartPage {

    /** How many of an investigator's requests the start page lists. */
    static final int LATEST = 5;

    private final Dashboard dashboard;
    private final RequestService requests;
    private final QueueService queues;

    public StartPage(Dashboard dashboard, RequestService requests, QueueService queues) {
        this.dashboard = dashboard;
        this.requests = requests;
        this.queues = queues;
    }

    @GetMapping("/")
    String start(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 Model model) {
        Actor actor = CurrentActor.get();
        if (Action.READ_STATISTICS.allows(actor.role())) {
            Dashboard.Period period = dashboard.period(from, to);
            model.addAttribute("period", period);
            if (period.valid()) {
                model.addAttribute("figures", dashboard.figures(period));
            }
        }
        if (actor.is(Role.INVESTIGATOR)) {
            model.addAttribute("latest", requests.list(new ListRequests(null, null, null, null, null, null, null,
                    RequestSort.newestFirst(), 0, LATEST, actor)));
        }
        if (actor.is(Role.HOSPITAL) && actor.hospital() != null && Action.READ_HOSPITAL_QUEUE.allows(actor.role())) {
            model.addAttribute("hospitalQueue", queues.hospital(actor.hospital(), 0, 1));
        }
        return "start";
    }
}
