package org.studysupport.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.DomainException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.problem.UnknownEntityException;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The one place where failures become problem details (RFC 9457). */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final DatabaseUnavailableSettings databaseUnavailable;

    public ProblemHandler(DatabaseUnavailableSettings databaseUnavailable) {
        this.databaseUnavailable = databaseUnavailable;
    }

    /** One field error of a 400 answer. */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domainRuleBroken(DomainException e) {
        return answer(toProblem(e));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainException domain) {
            return answer(toProblem(domain));
        }
        return unexpected(e);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "Another change to this request was stored first. Read it again and retry."));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such request."));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return answer(tooLargeProblem(e.limit()));
    }

    /**
     * A failure no handler knows: a generic answer, and the cause in the log under the answer's
     * error id; but when the database is out of reach, 503 with {@code Retry-After}.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected failure, error id {}", errorId, e);
        return answer(Problems.internalError(errorId));
    }

    private ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable, answered 503: {}", rootMessage(e));
        ProblemDetail problem = Problems.databaseUnavailable();
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(databaseUnavailable))
                .body(problem);
    }

    /** The {@code Retry-After} value, in whole seconds (at least one), of a 503 for an unreachable database. */
    public static String retryAfterSeconds(DatabaseUnavailableSettings settings) {
        return Long.toString(Math.max(1, settings.retryAfter().toSeconds()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** An unknown path. Spring's own detail names the static resource it looked for. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException e,
                                                                    @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status,
                                                                    @NonNull WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && ApiPaths.isPage(servlet.getRequest().getRequestURI().substring(
                servlet.getRequest().getContextPath().length()))) {
            // a page nobody has: the container's error page answers it, as an HTML page
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
            return null;
        }
        return ResponseEntity.status(status).headers(headers).body(Problems.forStatus(404));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            @NonNull HttpRequestMethodNotSupportedException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String allowed = e.getSupportedHttpMethods() == null ? "" : "; it takes "
                + e.getSupportedHttpMethods().stream().map(HttpMethod::name).sorted()
                .collect(Collectors.joining(", "));
        return ResponseEntity.status(status).headers(headers).body(Problems.of(status, "method-not-allowed",
                "Method not allowed", "This resource does not take " + e.getMethod() + allowed + "."));
    }

    /** A body that is not JSON (text, XML, YAML, a form), or one without a Content-Type. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(@NonNull HttpMediaTypeNotSupportedException e,
                                                                     @NonNull HttpHeaders headers,
                                                                     @NonNull HttpStatusCode status,
                                                                     @NonNull WebRequest request) {
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String detail = sent == null || sent.isBlank()
                ? "The body has no Content-Type; send it as JSON with Content-Type: application/json."
                : "A body of type '" + e.getContentType() + "' is not accepted; send it as JSON with"
                + " Content-Type: application/json.";
        return ResponseEntity.status(status).headers(headers).body(Problems.of(status, "unsupported-media-type",
                "Unsupported media type", detail));
    }

    /** An Accept header that none of the resource's representations satisfies. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            @NonNull HttpMediaTypeNotAcceptableException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String offered = e.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.of(status, "not-acceptable", "Not acceptable",
                "This resource answers only in " + (offered.isEmpty() ? "JSON" : offered)
                        + "; ask for one of them in the Accept header.");
        // the problem itself is JSON whatever the client asked for
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), describe(error)))
                .toList();
        return validationFailed(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return validationFailed(errors);
    }

    /** A query or path parameter of the wrong type, e.g. {@code status=FOO}: a validation error naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException e,
                                                       @NonNull HttpHeaders headers,
                                                       @NonNull HttpStatusCode status,
                                                       @NonNull WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String allowed = type != null && type.isEnum()
                ? "; allowed: " + java.util.Arrays.toString(type.getEnumConstants()) : "";
        return validationFailed(List.of(new FieldProblem(field, "invalid value '" + e.getValue() + "'" + allowed)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return validationFailed(List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        PayloadTooLargeException tooLarge = cause(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLargeProblem(tooLarge.limit()));
        }
        if (e.getCause() instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "; allowed: " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "";
            return validationFailed(List.of(new FieldProblem(path(invalid),
                    "invalid value '" + invalid.getValue() + "'" + allowed)));
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return validationFailed(List.of(new FieldProblem(path(mapping), "invalid value")));
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
                "The body is missing or is not well-formed JSON.");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode statusCode,
                                                             @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            if (problem.getTitle() == null && status != null) {
                problem.setTitle(status.getReasonPhrase());
            }
            if (problem.getDetail() == null) {
                problem.setDetail(status == null ? "The request failed." : status.getReasonPhrase());
            }
        }
        return super.handleExceptionInternal(e, body, headers, statusCode, request);
    }

    /** The problem answer of a broken domain rule; its status is also what the access trail records. */
    public static ProblemDetail toProblem(DomainException e) {
        if (e instanceof ActionNotAllowedException) {
            return Problems.of(HttpStatus.CONFLICT, "state-conflict", "Not allowed in the current state",
                    e.getMessage());
        }
        if (e instanceof NotPermittedException) {
            return Problems.forbidden(e.getMessage());
        }
        if (e instanceof UnknownEntityException) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof InvalidInputException invalid) {
            ProblemDetail problem = validationProblem();
            problem.setProperty("errors", List.of(new FieldProblem(invalid.field(), invalid.getMessage())));
            return problem;
        }
        return Problems.of(HttpStatus.CONFLICT, "state-conflict", "Not allowed", e.getMessage());
    }

    static ProblemDetail tooLargeProblem(long limitBytes) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                "The body exceeds the limit of " + limitBytes + " bytes.");
    }

    private static ProblemDetail validationProblem() {
        return Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                "One or more fields are missing or invalid.");
    }

    private static ResponseEntity<Object> validationFailed(List<FieldProblem> errors) {
        ProblemDetail problem = validationProblem();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String describe(FieldError error) {
        return error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

}
