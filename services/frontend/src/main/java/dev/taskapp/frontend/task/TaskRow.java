package dev.taskapp.frontend.task;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.taskapp.frontend.backend.TaskView;

/**
 * A task as its row on a page shows it: labels, due date text and the row's URLs worked out here once,
 * rather than by a dozen template expressions per row (map look-ups, link building, date formatting).
 * Links are root-relative, like the rest of the pages' links.
 */
public record TaskRow(long id, String title, String description, boolean hasDescription, boolean done,
        String status, String statusLabel, String priority, String priorityLabel, LocalDate dueDate, String dueText,
        String url, String editUrl, String completeUrl, String deleteUrl, long version) {

    /** The pages are English (lang="en"), so is the month. */
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public static TaskRow of(TaskView task) {
        String url = "/tasks/" + task.id();
        return new TaskRow(task.id(), task.title(), task.description(),
                task.description() != null && !task.description().isEmpty(), task.isDone(), task.status(),
                TaskListQuery.STATUSES.getOrDefault(task.status(), task.status()), task.priority(),
                TaskListQuery.PRIORITIES.getOrDefault(task.priority(), task.priority()), task.dueDate(),
                task.dueDate() == null ? null : DUE.format(task.dueDate()), url, url + "/edit", url + "/complete",
                url + "/delete", task.version());
    }

    public static List<TaskRow> of(List<TaskView> tasks) {
        return tasks.stream().map(TaskRow::of).toList();
    }
}
