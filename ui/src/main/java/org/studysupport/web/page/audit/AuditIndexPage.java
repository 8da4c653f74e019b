package org.studysupport.web.page.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studysupport.api.query.ListRequests;
import org.studysupport.api.query.RequestSort;
import org.studysupport.api.security.Action;
import org.studysupport.application.RequestService;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.Paging;
import org.studysupport.web.audit.AuditLogReads;

/**
 * {@code /audit}, the auditor's start: find a request by its reference or by words of its title or
 * acronym (the same search as {@code GET /api/requests?q=}) and open its audit view; check the whole
 * log's hash chain on demand (it reads every event, so it is not run on every visit); download the
 * log as CSV or JSON Lines and a signed checkpoint of its head. Only for roles granted
 * {@link Action#READ_AUDIT_LOG}; the checks and downloads are recorded on the access trail.
 */
@Controller
public class AuditIndexPage {

    static final int PAGE_SIZE = 20;
    static final int MAX_QUERY = 200;

    private final RequestService requests;
    private final AuditLogReads reads;

    public AuditIndexPage(RequestService requests, AuditLogReads reads) {
        this.requests = requests;
        this.reads = reads;
    }

    @GetMapping("/audit")
    String index(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "false") boolean verify, HttpServletRequest request, Model model) {
        Action.READ_AUDIT_LOG.requireRole(CurrentActor.get());
        String text = q == null ? "" : q.trim();
        model.addAttribute("q", text);
        if (text.length() > MAX_QUERY) {
            model.addAttribute("qError", MAX_QUERY);
        } else if (!text.isEmpty()) {
            Paging.check(page, PAGE_SIZE);
            model.addAttribute("results", requests.list(new ListRequests(null, null, null, null, text, null, null,
                    RequestSort.newestFirst(), page, PAGE_SIZE, CurrentActor.get())));
        }
        if (verify) {
            model.addAttribute("verification", reads.verify(null, PageReads.detail(request)));
        }
        return "audit/index";
    }
}
