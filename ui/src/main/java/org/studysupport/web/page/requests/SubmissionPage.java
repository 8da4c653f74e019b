package org.studysupport.web.page.requests;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.studysupport.api.problem.DomainException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.StudyPhase;
import org.studysupport.api.security.Action;
import org.studysupport.application.RequestService;
import org.studysupport.command.idempotency.IdempotencyKeys;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.ProblemHandler;
import org.studysupport.web.request.IdempotencyKeyHeader;
import org.studysupport.web.request.SubmitRequestBody;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The submission form at {@code /requests/new}, for the roles the {@link Action#SUBMIT_REQUEST}
 * policy grants (others get the 403 page). What is typed becomes the API's
 * {@link SubmitRequestBody}, validated by the same constraints as {@code POST /api/requests}, and is
 * submitted through {@link RequestService#submitOnce} with the form's hidden idempotency key (made
 * when the form was shown), so a form sent twice by a double click stores one request. Mistakes
 * come back beside their fields with everything as typed; a success goes on to the new request's
 * page.
 */
@Controller
@RequestMapping("/requests/new")
public class SubmissionPage {

    private static final String FORM = "requests/new";
    /** The fields in the order the form shows them, for the summary of mistakes at its top. */
    private static final List<String> FIELDS = List.of("title", "acronym", "studyPhase", "sponsor",
            "therapeuticArea", "fundingStatus", "plannedStartDate", "countries", "plannedSites", "description",
            "services", "contact", "contact.name", "contact.email", "contact.phone");

    private final RequestService requests;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final MessageSource messages;

    public SubmissionPage(RequestService requests, Validator validator, ObjectMapper objectMapper,
                          MessageSource messages) {
        this.requests = requests;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.messages = messages;
    }

    /**
     * One line of the summary of mistakes: the field's element id (to link to it), its name (for
     * its label) and the message, or a mistake of the whole form when {@code field} is null.
     */
    public record Mistake(String id, String field, String message) {
    }

    /** Every mistake, in the order of the form's fields, with its message in the page's language. */
    private List<Mistake> mistakes(BindingResult errors) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Mistake> mistakes = new ArrayList<>();
        errors.getGlobalErrors().forEach(error -> mistakes.add(new Mistake(null, null,
                messages.getMessage(error, locale))));
        errors.getFieldErrors().stream()
                .sorted(Comparator.comparingInt(error -> FIELDS.indexOf(error.getField())))
                .forEach(error -> mistakes.add(new Mistake(elementId(error.getField()), error.getField(),
                        messages.getMessage(error, locale))));
        return mistakes;
    }

    /** The id of the field's element: {@code contact-email} for {@code contact.email}; the contact's first field for the contact. */
    private static String elementId(String field) {
        return field.equals("contact") ? "contact-name" : field.replace('.', '-');
    }

    @GetMapping
    String form(Model model) {
        Action.SUBMIT_REQUEST.requireRole(CurrentActor.get());
        SubmissionForm form = new SubmissionForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        // e-mail about the request in the page's language, unless the investigator picks the other
        form.setLanguage(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("form", form);
        return show(model);
    }

    @PostMapping
    String submit(@ModelAttribute("form") SubmissionForm form, BindingResult errors, Model model,
                  HttpServletResponse response) {
        Action.SUBMIT_REQUEST.requireRole(CurrentActor.get());
        SubmitRequestBody body = form.toBody(errors);
        validate(body, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model);
        }
        try {
            String key = form.getIdempotencyKey() == null ? "" : form.getIdempotencyKey();
            RequestService.Submission submission = requests.submitOnce(body.toCommand(UUID.randomUUID()),
                    IdempotencyKeyHeader.call(key, IdempotencyKeys.SUBMISSION, body, objectMapper));
            return "redirect:/requests/" + submission.requestId();
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof DomainException domain) {
                return refused(domain, form, errors, model, response);
            }
            throw e;
        } catch (DomainException e) {
            return refused(e, form, errors, model, response);
        }
    }

    /** The bean validation of {@code POST /api/requests}, each violation on the form's field of that name. */
    private void validate(SubmitRequestBody body, BindingResult errors) {
        for (ConstraintViolation<SubmitRequestBody> violation : validator.validate(body)) {
            String field = field(violation.getPropertyPath());
            String code = "requests.invalid."
                    + violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            if (field.isEmpty()) {
                errors.reject(code, violation.getMessage());
            } else if (!errors.hasFieldErrors(field)) { // one message per field: the first thing to fix
                Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
                errors.rejectValue(field, code,
                        new Object[]{attributes.get("min"), attributes.get("max"), attributes.get("value")},
                        violation.getMessage());
            }
        }
    }

    /** {@code contact.email} for {@code contact.email}; {@code countries} for {@code countries[1].<list element>}. */
    private static String field(Path path) {
        return StreamSupport.stream(path.spliterator(), false)
                .filter(node -> node.getKind() == ElementKind.PROPERTY)
                .map(Path.Node::getName)
                .collect(Collectors.joining("."));
    }

    /**
     * A refusal of the domain: an invalid field beside that field, anything else (such as a key
     * already used for another submission) above the form, with a fresh key for the next try.
     */
    private String refused(DomainException e, SubmissionForm form, BindingResult errors, Model model,
                           HttpServletResponse response) {
        if (e instanceof InvalidInputException invalid && new BeanWrapperImpl(form).isReadableProperty(invalid.field())) {
            errors.rejectValue(invalid.field(), "requests.invalid.refused", invalid.getMessage());
        } else {
            // e.g. the form was sent before and changed since: its key stands for that first request
            model.addAttribute("refusal", ProblemHandler.toProblem(e).getDetail());
            form.setIdempotencyKey(UUID.randomUUID().toString());
            model.addAttribute("renewed", true);
        }
        response.setStatus(ProblemHandler.toProblem(e).getStatus());
        return show(model);
    }

    private String show(Model model) {
        if (model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form") instanceof BindingResult errors) {
            model.addAttribute("mistakes", mistakes(errors));
        }
        model.addAttribute("studyPhases", StudyPhase.values());
        model.addAttribute("fundingStatuses", FundingStatus.values());
        model.addAttribute("serviceCodes", ServiceCode.values());
        return FORM;
    }
}
