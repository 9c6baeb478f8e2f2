package dev.taskapp.backend.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * Body of PATCH /api/tasks/{id}: any subset of the editable fields. Setters record which fields
 * were sent, so that {@code "due_date": null} clears the date while leaving it out keeps it.
 */
@JsonIgnoreProperties({"id", "created_at", "updated_at"})
class TaskChanges {

    private final Set<String> sent = new HashSet<>();
    @Size(min = 1, max = 200)
    private String title;
    @Size(max = 10_000)
    private String description;
    private TaskStatus status;
    private TaskPriority priority;
    private LocalDate dueDate;
    private Integer version;

    public void setTitle(String title) {
        this.title = title;
        sent.add("title");
    }

    public void setDescription(String description) {
        this.description = description;
        sent.add("description");
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
        sent.add("status");
    }

    public void setPriority(TaskPriority priority) {
        this.priority = priority;
        sent.add("priority");
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
        sent.add("due_date");
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    Integer version() {
        return version;
    }

    @AssertTrue(message = "must not be blank")
    boolean isTitle() {
        return !sent.contains("title") || (title != null && !title.isBlank());
    }

    @AssertTrue(message = "must not be null")
    boolean isStatus() {
        return !sent.contains("status") || status != null;
    }

    @AssertTrue(message = "must not be null")
    boolean isPriority() {
        return !sent.contains("priority") || priority != null;
    }

    /** The task with the sent fields applied; a sent null description means empty. */
    Task applyTo(Task task, Instant now) {
        return task.edited(
                sent.contains("title") ? title : task.title(),
                sent.contains("description") ? (description == null ? "" : description) : task.description(),
                sent.contains("status") ? status : task.status(),
                sent.contains("priority") ? priority : task.priority(),
                sent.contains("due_date") ? dueDate : task.dueDate(),
                now);
    }
}
