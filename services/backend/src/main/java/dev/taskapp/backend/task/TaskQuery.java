package dev.taskapp.backend.task;

/** The query of GET /api/tasks (validated by the controller), with the contract's defaults. */
record TaskQuery(Integer page, Integer size, TaskStatus status, TaskPriority priority, String q, String sort) {

    static final String SORT = "(created|due|priority)(,(asc|desc))?";

    TaskQuery {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
        sort = sort == null || sort.isBlank() ? "created,desc" : sort;
        q = q == null || q.isBlank() ? null : q.trim();
    }

    String sortField() {
        return sort.split(",")[0];
    }

    boolean ascending() {
        return sort.endsWith(",asc");
    }
}
