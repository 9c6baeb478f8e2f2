package dev.taskapp.frontend.backend;

import java.time.LocalDate;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A task as the backend returns it, with the fields the pages use (the backend's created_at and
 * updated_at are not read: parsing two timestamps per task was a visible share of a page's CPU).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Task(long id, String title, String description, String status, String priority,
        LocalDate dueDate, long version) {

    public boolean isDone() {
        return "done".equals(status);
    }
}
