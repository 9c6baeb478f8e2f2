package dev.taskapp.backend.system;

import java.util.List;

/**
 * Query parameters that converted but are out of bounds, found by the controller's own checks; the
 * problem handler answers 400 with one entry per field, as for bean validation.
 */
public class InvalidParametersException extends RuntimeException {

    private final transient List<FieldProblem> errors;

    public InvalidParametersException(List<FieldProblem> errors) {
        super("Invalid parameters: " + errors, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
