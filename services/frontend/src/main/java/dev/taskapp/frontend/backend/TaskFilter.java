package dev.taskapp.frontend.backend;

/**
 * What the task list shows: blank values mean "any". {@code sort} is one of the backend's
 * {@code created|due|priority} with {@code ,asc|,desc}.
 */
public record TaskFilter(String status, String priority, String q, String sort, int page) {
}
