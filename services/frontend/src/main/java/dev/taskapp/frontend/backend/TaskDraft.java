package dev.taskapp.frontend.backend;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of a create (version null, so left out: the backend refuses unknown fields) or full update (version required) of a task.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskDraft(String title, String description, String status, String priority, LocalDate dueDate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long version) {
}
