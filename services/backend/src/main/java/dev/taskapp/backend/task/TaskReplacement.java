package dev.taskapp.backend.task;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of PUT /api/tasks/{id}: the whole editable task (absent optional fields take their
 * defaults) and the version it was based on. Read-only fields are ignored, as in {@link NewTask}.
 */
@JsonIgnoreProperties({"id", "created_at", "updated_at"})
record TaskReplacement(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        TaskStatus status,
        TaskPriority priority,
        LocalDate dueDate,
        @NotNull Integer version) {

    /** Absent optional fields take the contract's defaults. */
    TaskReplacement {
        description = description == null ? "" : description;
        status = status == null ? TaskStatus.TODO : status;
        priority = priority == null ? TaskPriority.MEDIUM : priority;
    }
}
