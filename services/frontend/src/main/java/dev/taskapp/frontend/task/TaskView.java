package dev.taskapp.frontend.task;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.taskapp.frontend.backend.Task;

/**
 * A task as its row shows it: labels, due date text and the row's URLs worked out here once, rather
 * than by a dozen template expressions per row (map look-ups, link building, date formatting), which
 * were most of the task list's CPU. Links are root-relative, like the rest of the pages' links.
 */
public record TaskView(long id, String title, String description, boolean hasDescription, boolean done,
        String status, String statusLabel, String priority, String priorityLabel, LocalDate dueDate, String dueText,
        String url, String editUrl, String completeUrl, String deleteUrl, long version) {

    /** The pages are English (lang="en"), so is the month. */
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public static TaskView of(Task task) {
        String url = "/tasks/" + task.id();
        return new TaskView(task.id(), task.title(), task.description(),
                task.description() != null && !task.description().isEmpty(), task.isDone(), task.status(),
                TaskListQuery.STATUSES.getOrDefault(task.status(), task.status()), task.priority(),
                TaskListQuery.PRIORITIES.getOrDefault(task.priority(), task.priority()), task.dueDate(),
                task.dueDate() == null ? null : DUE.format(task.dueDate()), url, url + "/edit", url + "/complete",
                url + "/delete", task.version());
    }

    public static List<TaskView> of(List<Task> tasks) {
        return tasks.stream().map(TaskView::of).toList();
    }
}
