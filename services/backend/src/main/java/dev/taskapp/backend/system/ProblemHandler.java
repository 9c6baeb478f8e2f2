package dev.taskapp.backend.system;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as an RFC 9457 problem (application/problem+json). Details name what
 * the client can fix; internals (stack traces, SQL, class names) never leave the server.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(jsonName(error.getField()), message(error)))
                .toList();
        return badRequest(errors);
    }

    /** GET /api/tasks's query parameters (TaskQueryResolver), all that are wrong at once. */
    @ExceptionHandler(InvalidParametersException.class)
    ResponseEntity<Object> invalidParameters(InvalidParametersException ex) {
        return badRequest(ex.problems());
    }

    /** A path variable or query parameter that does not convert, e.g. /api/tasks/abc or ?version=x. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        return badRequest(List.of(new FieldProblem(field, reason(ex))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (cause(ex, RequestSizeLimitFilter.PayloadTooLargeException.class) != null) {
            return payloadTooLarge();
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "Unknown field '" + unknown.getPropertyName() + "'");
            problem.setProperty("errors", List.of(new FieldProblem(unknown.getPropertyName(), "unknown field")));
            return respond(problem);
        }
        if (cause instanceof DatabindException invalid && !invalid.getPath().isEmpty()) {
            String field = invalid.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return badRequest(List.of(new FieldProblem(field, reason(invalid))));
        }
        String detail = cause instanceof JacksonException ? "Malformed JSON in request body" : "Request body is missing or unreadable";
        return respond(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
    }

    @ExceptionHandler(RequestSizeLimitFilter.PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge() {
        return respond(RequestSizeLimitFilter.tooLarge());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthorized(AuthenticationException ex) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Unauthorized", ex.getMessage());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem);
    }

    /**
     * A concurrent write changed the row between our read and our write. It is a TransientDataAccessException
     * too, but the database is fine: the client must reload, not retry blindly. (TaskService turns the ones it
     * expects into 409/412 with the task's details; this is the net under any other.)
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentWrite(OptimisticLockingFailureException ex) {
        log.info("Concurrent write: {}", ex.getMessage());
        return respond(ProblemResponses.problem(HttpStatus.CONFLICT, "Version conflict",
                "The resource was changed by another request since you read it; reload it and retry"));
    }

    /**
     * The database is down or unreachable: tell the client to retry, soon (the pool gives up quickly).
     * A lost database also surfaces at transaction begin (the pool gives up) and at rollback on a
     * connection the server has already dropped: both are outages, not bugs.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<Object> databaseUnavailable(Exception ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "The database is unavailable; retry shortly"));
    }

    /**
     * PostgreSQL refused a value that validation let through: SQLSTATE class 22 (data exception),
     * e.g. text holding the NUL character, which PostgreSQL cannot store. The client's input, so 400.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> dataRefused(DataIntegrityViolationException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                log.info("Value refused by the database: {}", sql.getMessage());
                return respond(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                        "A value in the request cannot be stored (for example, text containing a NUL character)"));
            }
        }
        return unexpected(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return respond(ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "An unexpected error occurred"));
    }

    private ResponseEntity<Object> badRequest(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Spring's own problems (405, 404 without a route, ...) name their type too, as ours do. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(ProblemResponses.ABOUT_BLANK);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String message(FieldError error) {
        if (error.isBindingFailure()) {
            return "has an invalid value" + (error.getRejectedValue() != null ? " '" + error.getRejectedValue() + "'" : "");
        }
        return error.getDefaultMessage();
    }

    /** Java property names to the API's snake_case (dueDate → due_date). */
    static String jsonName(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    /** What our own parsing said (an enum's "must be one of ..."); any other cause stays on the server. */
    private static String reason(Throwable ex) {
        InvalidValueException invalid = cause(ex, InvalidValueException.class);
        return invalid != null ? invalid.getMessage() : "has an invalid value";
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
