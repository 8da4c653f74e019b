package org.studysupport.web.page;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.studysupport.api.problem.DomainException;
import org.studysupport.web.DatabaseUnavailable;
import org.studysupport.web.ProblemHandler;
import org.studysupport.web.Problems;

import java.util.UUID;

/**
 * A page that fails is answered with the error page, not the API's problem JSON: the same status
 * and the same message the API would give (a refused action says why), in the page's frame. Pages
 * that can show a refusal beside the form that caused it do so themselves; this is what is left.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletResponse response) {
        return page(ProblemHandler.toProblem(e), model, response);
    }

    @ExceptionHandler(CommandExecutionException.class)
    String commandFailed(CommandExecutionException e, Model model, HttpServletResponse response) {
        if (e.getCause() instanceof DomainException domain) {
            return refused(domain, model, response);
        }
        return unexpected(e, model, response);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    String unknown(AggregateNotFoundException e, Model model, HttpServletResponse response) {
        return page(Problems.notFound("No such request."), model, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        if (e instanceof MethodArgumentTypeMismatchException) {
            // a path variable that is not an id (or a parameter of the wrong kind) names no page
            return page(Problems.forStatus(404), model, response);
        }
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            // what Spring MVC itself refuses (a missing parameter, a method the page does not
            // take): its status, with the fixed text of that status
            return page(Problems.forStatus(known.getStatusCode().value()), model, response);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("Database unavailable, answered 503: {}", e.toString());
            return page(Problems.databaseUnavailable(), model, response);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected failure on a page, error id {}", errorId, e);
        return page(Problems.internalError(errorId), model, response);
    }

    static String page(ProblemDetail problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.getStatus());
        model.addAttribute("problem", problem);
        return "error";
    }
}
