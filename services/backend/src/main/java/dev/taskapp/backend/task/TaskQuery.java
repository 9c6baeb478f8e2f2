package dev.taskapp.backend.task;

/** The query of GET /api/tasks, validated and defaulted by the controller; a blank search is none. */
record TaskQuery(int page, int size, TaskStatus status, TaskPriority priority, String q, String sort) {

    static final String SORT = "(created|due|priority)(,(asc|desc))?";

    TaskQuery {
        q = q == null || q.isBlank() ? null : q.trim();
    }

    String sortField() {
        return sort.split(",")[0];
    }

    boolean ascending() {
        return sort.endsWith(",asc");
    }
}
