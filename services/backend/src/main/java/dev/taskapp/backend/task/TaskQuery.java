package dev.taskapp.backend.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query of GET /api/tasks: read and validated by {@link TaskQueryResolver}, which also fills in
 * the defaults; the constraints here are the ones checked and the ones /api/openapi.json shows.
 * A blank search is none.
 */
record TaskQuery(
        @Schema(defaultValue = "" + DEFAULT_PAGE) @Min(0) int page,
        @Schema(defaultValue = "" + DEFAULT_SIZE) @Min(1) @Max(100) int size,
        TaskStatus status,
        TaskPriority priority,
        @Size(max = 200) String q,
        @Schema(defaultValue = DEFAULT_SORT)
        @Pattern(regexp = SORT, message = "must be created, due or priority, optionally followed by ,asc or ,desc")
        String sort) {

    static final String SORT = "(created|due|priority)(,(asc|desc))?";
    static final int DEFAULT_PAGE = 0;
    static final int DEFAULT_SIZE = 20;
    static final String DEFAULT_SORT = "created,desc";

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
