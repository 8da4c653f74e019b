package org.studysupport.web.page.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.studysupport.api.problem.DomainException;
import org.studysupport.application.RequestService;
import org.studysupport.web.ProblemHandler;
import org.studysupport.web.request.ActionBodies;
import org.studysupport.web.request.IdempotencyKeyHeader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The forms of a request's page: each posts the API's body (same field names, same limits) and the
 * hidden idempotency key the page was rendered with, and sends the command the API would send for
 * that body ({@link ActionBodies}) through {@link RequestService#actOnce}, so a double submit acts
 * once. Then back to the page (post, redirect, get) with a flash message: what was done, or why it
 * was refused (the problem's message), with the fields' errors and what the user typed.
 */
@Controller
@RequestMapping(RequestPage.PATH)
public class RequestPageActions {

    /** Flash attributes the page shows. */
    static final String DONE = "done";
    static final String REFUSAL = "refusal";
    static final String FAILED_FORM = "failedForm";
    static final String FIELD_ERRORS = "fieldErrors";
    static final String TYPED = "typed";

    private final RequestService requests;
    private final ObjectMapper objectMapper;

    public RequestPageActions(RequestService requests, ObjectMapper objectMapper) {
        this.requests = requests;
        this.objectMapper = objectMapper;
    }

    @PostMapping("/clarifications")
    String ask(@PathVariable UUID id, @RequestParam(required = false) String idempotencyKey,
               @Valid @ModelAttribute("body") ActionBodies.Question body, BindingResult binding, RedirectAttributes flash) {
        return perform(new Form(id, "clarifications", "ask", idempotencyKey), body, binding, flash,
                () -> body.toCommand(id));
    }

    @PostMapping("/clarifications/{clarificationId}/answer")
    String answer(@PathVariable UUID id, @PathVariable UUID clarificationId, @RequestParam(required = false) String idempotencyKey,
                  @Valid @ModelAttribute("body") ActionBodies.Answer body, BindingResult binding, RedirectAttributes flash) {
        return perform(new Form(id, "clarifications/" + clarificationId + "/answer", "answer", idempotencyKey),
                body, binding, flash, () -> body.toCommand(id, clarificationId));
    }

    @PostMapping("/accept")
    String accept(@PathVariable UUID id, @RequestParam(required = false) String idempotencyKey,
                  @Valid @ModelAttribute("body") ActionBodies.Accept body, BindingResult binding, RedirectAttributes flash) {
        return perform(new Form(id, "accept", "accept", idempotencyKey), body, binding, flash,
                () -> body.toCommand(id));
    }

    @PostMapping("/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String idempotencyKey,
                  @Valid @ModelAttribute("body") ActionBodies.Reason body, BindingResult binding, RedirectAttributes flash) {
        return perform(new Form(id, "reject", "reject", idempotencyKey), body, binding, flash,
                () -> body.toRejection(id));
    }

    @PostMapping("/assignments")
    String assign(@PathVariable UUID id, @RequestParam(required = false) String idempotencyKey,
                  @Valid @ModelAttribute("body") ActionBodies.Assign body, BindingResult binding, RedirectAttributes flash) {
        String service = body == null || body.service() == null ? "" : body.service().name();
        return perform(new Form(id, "assignments", "assign-" + service, idempotencyKey), body, binding, flash,
                () -> body.toCommand(id));
    }

    @PostMapping("/assignments/{assignmentId}/acknowledge")
    String acknowledge(@PathVariable UUID id, @PathVariable UUID assignmentId, @RequestParam(required = false) String idempotencyKey,
                       RedirectAttributes flash) {
        ActionBodies.Empty body = new ActionBodies.Empty();
        return perform(new Form(id, "assignments/" + assignmentId + "/acknowledge", "acknowledge-" + assignmentId,
                idempotencyKey), body, null, flash, () -> body.toAcknowledgement(id, assignmentId));
    }

    @PostMapping("/assignments/{assignmentId}/decline")
    String decline(@PathVariable UUID id, @PathVariable UUID assignmentId, @RequestParam(required = false) String idempotencyKey,
                   @Valid @ModelAttribute("body") ActionBodies.Reason body, BindingResult binding, RedirectAttributes flash) {
        return perform(new Form(id, "assignments/" + assignmentId + "/decline", "decline-" + assignmentId,
                idempotencyKey), body, binding, flash, () -> body.toDecline(id, assignmentId));
    }

    @PostMapping("/assignments/{assignmentId}/complete")
    String completeAssignment(@PathVariable UUID id, @PathVariable UUID assignmentId,
                              @RequestParam(required = false) String idempotencyKey, @Valid @ModelAttribute("body") ActionBodies.Summary body,
                              BindingResult binding, RedirectAttributes flash) {
        return perform(new Form(id, "assignments/" + assignmentId + "/complete", "deliver-" + assignmentId,
                idempotencyKey), body, binding, flash, () -> body.toCommand(id, assignmentId));
    }

    @PostMapping("/assignments/{assignmentId}/reassign")
    String reassign(@PathVariable UUID id, @PathVariable UUID assignmentId, @RequestParam(required = false) String idempotencyKey,
                    @Valid @ModelAttribute("body") ActionBodies.Reassign body, BindingResult binding,
                    RedirectAttributes flash) {
        return perform(new Form(id, "assignments/" + assignmentId + "/reassign", "reassign-" + assignmentId,
                idempotencyKey), body, binding, flash, () -> body.toCommand(id, assignmentId));
    }

    @PostMapping("/assignments/{assignmentId}/cancel")
    String cancel(@PathVariable UUID id, @PathVariable UUID assignmentId, @RequestParam(required = false) String idempotencyKey,
                  @Valid @ModelAttribute("body") ActionBodies.Reason body, BindingResult binding, RedirectAttributes flash) {
        return perform(new Form(id, "assignments/" + assignmentId + "/cancel", "cancel-" + assignmentId,
                idempotencyKey), body, binding, flash, () -> body.toCancellation(id, assignmentId));
    }

    @PostMapping("/complete")
    String complete(@PathVariable UUID id, @RequestParam(required = false) String idempotencyKey,
                    @Valid @ModelAttribute("body") ActionBodies.Outcome body, BindingResult binding,
                    RedirectAttributes flash) {
        return perform(new Form(id, "complete", "complete", idempotencyKey), body, binding, flash,
                () -> body.toCommand(id));
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String idempotencyKey,
                    @Valid @ModelAttribute("body") ActionBodies.Reason body, BindingResult binding,
                    RedirectAttributes flash) {
        return perform(new Form(id, "withdraw", "withdraw", idempotencyKey), body, binding, flash,
                () -> body.toWithdrawal(id));
    }

    @PostMapping("/comments")
    String comment(@PathVariable UUID id, @RequestParam(required = false) String idempotencyKey,
                   @Valid @ModelAttribute("body") ActionBodies.Comment body, BindingResult binding,
                   RedirectAttributes flash) {
        return perform(new Form(id, "comments", "comment", idempotencyKey), body, binding, flash,
                () -> body.toCommand(id));
    }

    /**
     * One posted form.
     *
     * @param action the action's path below the request, as in the API (the idempotency key's target)
     * @param name   the form on the page, to show its errors beside it
     */
    private record Form(UUID requestId, String action, String name, String idempotencyKey) {
    }

    private String perform(Form form, Object body, BindingResult binding, RedirectAttributes flash,
                           Supplier<Object> command) {
        String back = "redirect:/requests/" + form.requestId();
        if (binding != null && binding.hasErrors()) {
            flash.addFlashAttribute(FAILED_FORM, form.name());
            flash.addFlashAttribute(FIELD_ERRORS, fieldErrors(binding));
            flash.addFlashAttribute(TYPED, typed(binding));
            return back + "#form-" + form.name();
        }
        try {
            if (form.idempotencyKey() == null) {
                // a form of the page always sends its key; a post made otherwise acts without one
                requests.act(form.requestId(), command.get());
            } else {
                requests.actOnce(form.requestId(), command.get(), IdempotencyKeyHeader.call(form.idempotencyKey(),
                        IdempotencyKeyHeader.actionTarget(form.requestId(), form.action()), body, objectMapper));
            }
        } catch (DomainException | CommandExecutionException | ConcurrencyException e) {
            flash.addFlashAttribute(FAILED_FORM, form.name());
            flash.addFlashAttribute(REFUSAL, refusal(e));
            flash.addFlashAttribute(TYPED, typed(binding));
            return back;
        }
        flash.addFlashAttribute(DONE, "request.done." + form.name().replaceFirst("-.*", ""));
        return back;
    }

    /** The problem's message the API would answer with; what is not a refusal is the error page's. */
    private static String refusal(RuntimeException e) {
        if (e instanceof DomainException domain) {
            return ProblemHandler.toProblem(domain).getDetail();
        }
        if (e instanceof CommandExecutionException failed && failed.getCause() instanceof DomainException domain) {
            return ProblemHandler.toProblem(domain).getDetail();
        }
        if (e instanceof ConcurrencyException) {
            return "Another change to this request was stored first. Read it again and retry.";
        }
        throw e;
    }

    /** Per field, the message key of its first error (the words are the page's, in its language). */
    private static Map<String, String> fieldErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), switch (String.valueOf(error.getCode())) {
                case "NotBlank", "NotNull" -> "request.error.required";
                case "Size" -> "request.error.tooLong";
                default -> "request.error.invalid";
            });
        }
        return errors;
    }

    /** What the user typed in the form's text fields, to put back in them. */
    private static Map<String, Object> typed(BindingResult binding) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (binding == null) {
            return typed;
        }
        for (String field : new String[] {"question", "answer", "note", "reason", "summary", "outcome", "text"}) {
            try {
                Object value = binding.getFieldValue(field);
                if (value != null) {
                    typed.put(field, value);
                }
            } catch (RuntimeException notAField) {
                // this form has no such field
            }
        }
        return typed;
    }
}
