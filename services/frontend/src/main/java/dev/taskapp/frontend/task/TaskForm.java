package dev.taskapp.frontend.task;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import dev.taskapp.frontend.backend.TaskView;
import dev.taskapp.frontend.backend.TaskDraft;

/** What the create and edit forms hold. Validation is the backend's; its problems are shown per field. */
public class TaskForm {

    private String title = "";
    private String description = "";
    private String status = "todo";
    private String priority = "medium";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;
    private Long version;

    static TaskForm of(TaskView task) {
        TaskForm form = new TaskForm();
        form.copyFrom(task);
        return form;
    }

    void copyFrom(TaskView task) {
        title = task.title();
        description = task.description();
        status = task.status();
        priority = task.priority();
        dueDate = task.dueDate();
        version = task.version();
    }

    TaskDraft toDraft() {
        return new TaskDraft(title, description == null ? "" : description, status, priority, dueDate, version);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
