package org.studysupport.web.page.request;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.studysupport.api.problem.DomainException;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.query.Recommendations;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.reference.Hospital;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.AvailableActions;
import org.studysupport.application.QueueService;
import org.studysupport.application.RequestService;
import org.studysupport.query.audit.AccessTrail;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.audit.AccessRecording;
import org.studysupport.web.audit.AuditedReads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One request's page ({@code request/request.html}): the request as the signed-in user may see it
 * ({@link RequestService#view}: unknown or out of sight is the 404 page), its timeline when the
 * user may read its history, and the forms of exactly the actions {@link AvailableActions} offers
 * the user on it, each posting to {@link RequestPageActions}. A coordinator who may assign a service
 * sees the recommended hospitals for it beside the form.
 */
@Controller
@RequestMapping(RequestPage.PATH)
public class RequestPage {

    /** The page's path; the id is a UUID, so that {@code /requests/new} is never taken for one. */
    static final String PATH = "/requests/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final RequestService requests;
    private final QueueService queues;
    private final HospitalDirectory hospitals;
    private final AccessRecording access;

    public RequestPage(RequestService requests, QueueService queues, HospitalDirectory hospitals,
                       AccessRecording access) {
        this.requests = requests;
        this.queues = queues;
        this.hospitals = hospitals;
        this.access = access;
    }

    @GetMapping
    String show(@PathVariable UUID id, Model model, HttpServletRequest http) {
        Actor actor = CurrentActor.get();
        RequestView request = requests.view(id);
        AvailableActions actions = AvailableActions.of(request, actor);
        model.addAttribute("request", request);
        model.addAttribute("actions", actions);
        model.addAttribute("history", history(request, actor, http));
        model.addAttribute("recommendations", recommendations(request, actions));
        model.addAttribute("reassignTo", reassignTargets(request, actions));
        model.addAttribute("hospitalNames", hospitalNames());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("keys", new FormKeys());
        return "request/request";
    }

    /**
     * The request's events, when the user's role may read the history of this request; null
     * otherwise (the page leaves the timeline out). Read as the API reads it: on the access trail.
     */
    private List<HistoryEntry> history(RequestView request, Actor actor, HttpServletRequest http) {
        if (!AvailableActions.inScope(Action.READ_HISTORY, request, actor)) {
            return null;
        }
        try {
            return access.recorded(AccessTrail.HISTORY, request.id().toString(), AuditedReads.detail(http),
                    () -> requests.history(request.id()));
        } catch (DomainException refused) {
            return null;
        }
    }

    /** For each service the user may assign now, the hospitals ranked for it. */
    private Map<ServiceCode, Recommendations> recommendations(RequestView request, AvailableActions actions) {
        Map<ServiceCode, Recommendations> ranked = new LinkedHashMap<>();
        for (ServiceCode service : actions.assignableServices()) {
            ranked.put(service, queues.recommendations(request.id(), service));
        }
        return ranked;
    }

    /** For each assignment the user may reassign, the other hospitals that offer its service and take requests. */
    private Map<UUID, List<Hospital>> reassignTargets(RequestView request, AvailableActions actions) {
        Map<UUID, List<Hospital>> targets = new LinkedHashMap<>();
        for (AssignmentView assignment : request.assignments()) {
            if (actions.offers(Action.REASSIGN_ASSIGNMENT.name(), assignment.id())) {
                targets.put(assignment.id(), hospitals.all().stream()
                        .filter(h -> h.offers(assignment.service()) && h.acceptingRequests()
                                && !h.code().equals(assignment.hospital()))
                        .toList());
            }
        }
        return targets;
    }

    private Map<String, String> hospitalNames() {
        Map<String, String> names = new LinkedHashMap<>();
        hospitals.all().forEach(h -> names.put(h.code(), h.name()));
        return names;
    }

    /**
     * A fresh idempotency key for each form on the page ({@code ${keys.next()}}): the form sends it
     * back, so that a double submit of the same form acts once.
     */
    public static final class FormKeys {
        public String next() {
            return UUID.randomUUID().toString();
        }
    }
}
