package dev.taskapp.backend.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The query parameters of GET /api/tasks, with the contract's defaults. */
record TaskQuery(
        @Min(0) Integer page,
        @Min(1) @Max(100) Integer size,
        TaskStatus status,
        TaskPriority priority,
        @Size(max = 200) String q,
        @Pattern(regexp = "(created|due|priority)(,(asc|desc))?",
                message = "must be created, due or priority, optionally followed by ,asc or ,desc")
        String sort) {

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
