package dev.taskapp.backend.system;

/** One entry of a problem's {@code errors} array: which field, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
