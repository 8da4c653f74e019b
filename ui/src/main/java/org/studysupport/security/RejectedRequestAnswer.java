package org.studysupport.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.studysupport.web.Problems;

import java.io.IOException;

/**
 * The answer to a request Spring Security's HTTP firewall refuses (an encoded slash or dot segment,
 * a double slash, a control character in the path, a header it distrusts): 400 problem details
 * with the security headers, instead of the container's error page. Spring Security uses this bean
 * by its type. The firewall's reason stays in the log (debug), not in the answer.
 */
@Component
public class RejectedRequestAnswer implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequestAnswer.class);

    private final ObjectMapper objectMapper;

    public RejectedRequestAnswer(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The problem answered to a request refused before it reaches the application. */
    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "Request refused",
                "The request's path or headers contain something this service never accepts"
                        + " (for example an encoded slash, a dot segment or a control character).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Refused a request: {}", e.getMessage());
        ProblemDetail problem = problem();
        SecurityHeaders.writeTo(request, response);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
