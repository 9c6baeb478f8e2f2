package dev.taskapp.frontend.backend;

import java.util.List;

/** The backend's application/problem+json body, with the validation {@code errors} extension. */
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public record FieldProblem(String field, String message) {
    }
}
