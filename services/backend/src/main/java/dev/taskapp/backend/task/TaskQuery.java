package dev.taskapp.backend.task;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.taskapp.backend.system.FieldProblem;
import dev.taskapp.backend.system.InvalidParametersException;

/** The query of GET /api/tasks, validated and defaulted by the controller; a blank search is none. */
record TaskQuery(int page, int size, TaskStatus status, TaskPriority priority, String q, String sort) {

    static final int MAX_SIZE = 100;
    static final int MAX_SEARCH_LENGTH = 200;
    static final String SORT = "(created|due|priority)(,(asc|desc))?";
    private static final Pattern SORT_PATTERN = Pattern.compile(SORT);

    TaskQuery {
        q = q == null || q.isBlank() ? null : q.trim();
    }

    /**
     * The query once its bounds hold, else 400 naming every field out of bounds, with the messages
     * bean validation gives for the same constraints. Checked here rather than by method validation:
     * on the hottest call that ran the validator and compared the parameters' annotations on every request.
     */
    static TaskQuery checked(int page, int size, TaskStatus status, TaskPriority priority, String q, String sort) {
        List<FieldProblem> errors = new ArrayList<>(0);
        if (page < 0) {
            errors.add(new FieldProblem("page", "must be greater than or equal to 0"));
        }
        if (size < 1) {
            errors.add(new FieldProblem("size", "must be greater than or equal to 1"));
        } else if (size > MAX_SIZE) {
            errors.add(new FieldProblem("size", "must be less than or equal to " + MAX_SIZE));
        }
        if (q != null && q.length() > MAX_SEARCH_LENGTH) {
            errors.add(new FieldProblem("q", "size must be between 0 and " + MAX_SEARCH_LENGTH));
        }
        if (sort != null && !SORT_PATTERN.matcher(sort).matches()) {
            errors.add(new FieldProblem("sort", "must be created, due or priority, optionally followed by ,asc or ,desc"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new TaskQuery(page, size, status, priority, q, sort);
    }

    String sortField() {
        return sort.split(",")[0];
    }

    boolean ascending() {
        return sort.endsWith(",asc");
    }
}
