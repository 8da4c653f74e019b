package org.studysupport.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.UUID;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's {@code BasicErrorController}:
 * whatever failed outside Spring MVC's own handling (a filter's exception, a status sent by the
 * container) is answered as problem details with a fixed text for its status, never the cause's
 * message or stack. A failure with an exception is logged with the error id the answer carries.
 * Called directly, the page does not exist (404).
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ObjectMapper objectMapper;
    private final DatabaseUnavailableSettings databaseUnavailable;

    public ProblemErrorController(ObjectMapper objectMapper, DatabaseUnavailableSettings databaseUnavailable) {
        this.objectMapper = objectMapper;
        this.databaseUnavailable = databaseUnavailable;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problem(request);
        response.resetBuffer();
        if (isPageForBrowser(request)) {
            // a web page that failed, or none: the pages' error page, with the same fixed text
            response.setStatus(problem.getStatus());
            return new ModelAndView("error", Map.of("problem", problem));
        }
        if (Problems.databaseUnavailable().getType().equals(problem.getType())) {
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemHandler.retryAfterSeconds(databaseUnavailable));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
        return null;
    }

    private static boolean isPageForBrowser(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return path instanceof String uri && ApiPaths.isPage(uri.substring(request.getContextPath().length()))
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static ProblemDetail problem(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            return Problems.forStatus(404);
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (code >= 500 && failure instanceof Throwable cause && DatabaseUnavailable.causedBy(cause)) {
            log.warn("Database unavailable, answered 503: {}", cause.toString());
            return Problems.databaseUnavailable();
        }
        if (code >= 500 && failure instanceof Throwable cause) {
            String errorId = UUID.randomUUID().toString();
            log.error("Unexpected failure, error id {}", errorId, cause);
            return Problems.internalError(errorId);
        }
        return Problems.forStatus(code);
    }
}
