package org.studysupport.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An access refusal raised past the path rules (which decide who may call what, see
 * {@code ActionPaths}) is a 403 problem like theirs, never Spring's default error.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessProblemHandler {

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        ProblemDetail problem = Problems.forbidden("Your role may not do this.");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
