package dev.taskapp.frontend.backend;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One page of the signed-in user's tasks. {@code page} is 0-based. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskPage(List<TaskView> items, int page, int size, long totalItems, int totalPages) {

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }
}
