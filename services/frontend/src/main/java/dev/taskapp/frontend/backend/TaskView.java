package dev.taskapp.frontend.backend;

import java.time.LocalDate;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A task as the backend's API returns it (the backend's TaskView), with the fields the pages use:
 * created_at and updated_at are not read, so no page pays for parsing timestamps it does not show.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskView(long id, String title, String description, String status, String priority,
        LocalDate dueDate, long version) {

    public boolean isDone() {
        return "done".equals(status);
    }
}
