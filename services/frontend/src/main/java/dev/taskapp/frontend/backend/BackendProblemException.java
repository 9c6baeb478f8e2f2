package dev.taskapp.frontend.backend;

import java.util.List;
import java.util.Optional;

/**
 * The backend refused a request with a 4xx problem (RFC 9457): bad input, not found, conflict,
 * or a rejected token (401).
 */
public class BackendProblemException extends RuntimeException {

    private final Problem problem;

    private final String retryAfter;

    public BackendProblemException(Problem problem) {
        this(problem, null);
    }

    /** retryAfter: the backend's Retry-After header (a throttled sign-in), or null. */
    public BackendProblemException(Problem problem, String retryAfter) {
        super(problem.status() + " " + problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return problem.status();
    }

    public String detail() {
        return problem.detail() != null ? problem.detail() : problem.title();
    }

    public List<Problem.FieldProblem> fieldErrors() {
        return problem.errors() != null ? problem.errors() : List.of();
    }

    /** When the backend says to try again (Retry-After, seconds or an HTTP date), if it said so. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isTokenRejected() {
        return problem.status() == 401;
    }

    public boolean isNotFound() {
        return problem.status() == 404;
    }
}
