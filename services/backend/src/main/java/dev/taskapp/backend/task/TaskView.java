package dev.taskapp.backend.task;

import java.time.Instant;
import java.time.LocalDate;

/** A task as the API shows it (no owner: it is always the caller). */
record TaskView(
        Long id,
        String title,
        String description,
        TaskStatus status,
        TaskPriority priority,
        LocalDate dueDate,
        Instant createdAt,
        Instant updatedAt,
        Integer version) {

    static TaskView of(Task task) {
        return new TaskView(task.id(), task.title(), task.description(), task.status(), task.priority(),
                task.dueDate(), task.createdAt(), task.updatedAt(), task.version());
    }

    /** The ETag of this state of the task: its version, quoted. */
    String etag() {
        return "\"" + version + "\"";
    }
}
