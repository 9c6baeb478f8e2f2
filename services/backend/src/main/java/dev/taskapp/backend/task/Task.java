package dev.taskapp.backend.task;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A task owned by one user. {@code version} guards against lost updates: Spring Data JDBC
 * only updates the row while its version is still the one read. Its row mapping is {@link TaskRows}.
 */
@Table("tasks")
record Task(
        @Id Long id,
        Long ownerId,
        String title,
        String description,
        TaskStatus status,
        TaskPriority priority,
        LocalDate dueDate,
        Instant createdAt,
        Instant updatedAt,
        @Version Integer version) {

    /** The same task with new user-editable content; identity, owner and creation stay. */
    Task edited(String title, String description, TaskStatus status, TaskPriority priority, LocalDate dueDate,
            Instant now) {
        return new Task(id, ownerId, title, description, status, priority, dueDate, createdAt, now, version);
    }
}
