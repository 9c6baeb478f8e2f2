package dev.taskapp.frontend.backend;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A task as the backend returns it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Task(long id, String title, String description, String status, String priority,
        LocalDate dueDate, Instant createdAt, Instant updatedAt, long version) {

    public boolean isDone() {
        return "done".equals(status);
    }
}
