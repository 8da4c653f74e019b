package org.studysupport.web.page.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.studysupport.api.problem.DomainException;
import org.studysupport.api.query.RebuildStatus;
import org.studysupport.api.security.Action;
import org.studysupport.application.ProjectionService;
import org.studysupport.query.operations.DeadLetters;
import org.studysupport.query.operations.RetryOutcome;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.Paging;
import org.studysupport.web.ProblemHandler;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin}, the operator's page: each read model's processor (position, lag, replaying,
 * segments, errors, the latest rebuild) with a button to rebuild its read model, and the parked
 * events (dead letters) with a button to retry each. The buttons call what
 * {@code POST /api/admin/projections/{name}/replay} and {@code POST /api/admin/dead-letters/{id}/retry}
 * call; the processors' part of the page is a fragment that reloads itself every two seconds (htmx
 * polling {@code /admin/projections}), so positions, lag and a rebuild's progress stay current
 * without a reload. Only for roles granted {@link Action#OPERATE}.
 */
@Controller
public class AdminPage {

    static final int PAGE_SIZE = 20;
    /** As {@code ProjectionController.Replay}: the reason kept with a rebuild. */
    static final int MAX_REASON = 2000;

    private final ProjectionService projections;
    private final DeadLetters deadLetters;

    public AdminPage(ProjectionService projections, DeadLetters deadLetters) {
        this.projections = projections;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        Action.OPERATE.requireRole(CurrentActor.get());
        Paging.check(page, PAGE_SIZE);
        projections(model);
        model.addAttribute("letters", deadLetters.list(page, PAGE_SIZE));
        return "admin/index";
    }

    /** The processors' part of the page alone, for the page to reload it every two seconds. */
    @GetMapping("/admin/projections")
    String projectionsFragment(Model model) {
        Action.OPERATE.requireRole(CurrentActor.get());
        projections(model);
        return "admin/index :: projections";
    }

    @PostMapping("/admin/projections/{name}/replay")
    String replay(@PathVariable String name, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        Action.OPERATE.requireRole(CurrentActor.get());
        String given = reason == null || reason.isBlank() ? null : reason.trim();
        if (given != null && given.length() > MAX_REASON) {
            redirect.addFlashAttribute("reasonError", name);
            redirect.addFlashAttribute("reasonTooLong", MAX_REASON);
            return "redirect:/admin";
        }
        try {
            RebuildStatus started = projections.replay(name, given);
            redirect.addFlashAttribute("started", started.readModel());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", ProblemHandler.toProblem(refused).getDetail());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/dead-letters/{id}/retry")
    String retry(@PathVariable String id, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        Action.OPERATE.requireRole(CurrentActor.get());
        try {
            RetryOutcome outcome = deadLetters.retry(id, CurrentActor.get().id());
            redirect.addFlashAttribute("retry", RetryNotice.of(outcome));
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", ProblemHandler.toProblem(refused).getDetail());
        }
        redirect.addAttribute("page", page);
        return "redirect:/admin";
    }

    private void projections(Model model) {
        List<ProjectionService.Projection> list = projections.list();
        model.addAttribute("projections", list);
        model.addAttribute("rebuilding", list.stream().anyMatch(p -> p.replaying()
                || p.rebuild() != null && p.rebuild().running()));
    }

    /**
     * What the page says after a retry. Flash attributes live in the session, which is stored in the
     * database (Spring Session JDBC) and so must be serializable, as the read side's outcome is not.
     */
    record RetryNotice(boolean retried, long remaining, Cause cause) implements Serializable {

        record Cause(String type, String message) implements Serializable {
        }

        static RetryNotice of(RetryOutcome outcome) {
            return new RetryNotice(outcome.retried(), outcome.remaining(), outcome.cause() == null ? null
                    : new Cause(outcome.cause().type(), outcome.cause().message()));
        }
    }
}
