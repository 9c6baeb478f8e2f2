package dev.taskapp.frontend.backend;

import java.util.List;

/**
 * The backend refused a request with a 4xx problem (RFC 9457): bad input, not found, conflict,
 * or a rejected token (401).
 */
public class BackendProblemException extends RuntimeException {

    private final Problem problem;

    public BackendProblemException(Problem problem) {
        super(problem.status() + " " + problem.title() + ": " + problem.detail());
        this.problem = problem;
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

    public boolean isTokenRejected() {
        return problem.status() == 401;
    }

    public boolean isNotFound() {
        return problem.status() == 404;
    }
}
