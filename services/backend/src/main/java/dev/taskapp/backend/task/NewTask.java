package dev.taskapp.backend.task;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /api/tasks. The read-only fields of a task (id, timestamps) are ignored so a
 * client may send back what it read; any other unknown field (e.g. owner_id) is a 400.
 */
@JsonIgnoreProperties({"id", "created_at", "updated_at", "version"})
record NewTask(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        TaskStatus status,
        TaskPriority priority,
        LocalDate dueDate) {

    /** Absent optional fields take the contract's defaults. */
    NewTask {
        description = description == null ? "" : description;
        status = status == null ? TaskStatus.TODO : status;
        priority = priority == null ? TaskPriority.MEDIUM : priority;
    }
}
