package org.studysupport.web.page.queues;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.studysupport.api.query.HospitalQueueItem;
import org.studysupport.api.query.HospitalQueuePage;
import org.studysupport.api.reference.Hospital;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.application.QueueService;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.Paging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The hospitals' work queues: {@code /hospitals} lists the partner hospitals with the size of each
 * queue (for the whole network's viewers; hospital staff are sent to their own queue), and
 * {@code /hospitals/{code}} shows one queue as {@link QueueService#hospital} answers it, live like
 * the triage board. Who may open which is the API's: roles granted {@link Action#READ_HOSPITAL_QUEUE},
 * and of hospital staff only their own hospital's (another's is refused, an unknown one not found).
 */
@Controller
public class HospitalQueuePages {

    static final int PAGE_SIZE = 25;

    private final QueueService queues;
    private final HospitalDirectory hospitals;
    private final Clock clock;

    public HospitalQueuePages(QueueService queues, HospitalDirectory hospitals, Clock clock) {
        this.queues = queues;
        this.hospitals = hospitals;
        this.clock = clock;
    }

    /** A hospital in the list, with how many open assignments wait in its queue. */
    public record Entry(Hospital hospital, long open) {
    }

    /** One line of a hospital's queue: the assignment, its age and its due state. */
    public record Row(HospitalQueueItem item, Waiting age, DueState due) {

        public String css() {
            return due.overdue() ? "breached" : null;
        }
    }

    @GetMapping("/hospitals")
    String list(Model model) {
        Actor viewer = CurrentActor.get();
        Action.READ_HOSPITAL_QUEUE.requireRole(viewer);
        if (viewer.hospital() != null) {
            return "redirect:/hospitals/" + viewer.hospital();
        }
        List<Entry> entries = hospitals.all().stream()
                .map(hospital -> new Entry(hospital, queues.hospital(hospital.code(), 0, 1).total()))
                .toList();
        model.addAttribute("hospitals", entries);
        return "queues/hospitals";
    }

    @GetMapping("/hospitals/{code}")
    String queue(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        table(code, page, model);
        model.addAttribute("hospital", hospitals.find(code).orElseThrow());
        return "queues/hospital";
    }

    @GetMapping("/hospitals/{code}/table")
    String table(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        Action.READ_HOSPITAL_QUEUE.requireRole(CurrentActor.get());
        Paging.check(page, PAGE_SIZE);
        HospitalQueuePage queue = queues.hospital(code, page, PAGE_SIZE);
        Instant now = clock.instant();
        List<Row> rows = queue.items().stream()
                .map(item -> new Row(item, Waiting.since(item.createdAt(), now), DueState.of(item.slaDueAt(), now)))
                .toList();
        model.addAttribute("code", code);
        model.addAttribute("rows", rows);
        model.addAttribute("pager", Pager.of(queue.page(), queue.size(), queue.total(), "/hospitals/" + code));
        model.addAttribute("refreshedAt", now);
        return "queues/hospital :: table";
    }
}
