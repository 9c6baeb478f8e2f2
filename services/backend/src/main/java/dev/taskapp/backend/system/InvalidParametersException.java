package dev.taskapp.backend.system;

import java.util.List;

/** Query parameters the API does not accept, each with what is wrong with it: a 400 problem listing them. */
public class InvalidParametersException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidParametersException(List<FieldProblem> problems) {
        super("Invalid query parameters: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
