package dev.taskapp.backend.task;

import java.util.List;

/** One page of the caller's tasks with the numbers a pager needs. */
record TaskPage(List<TaskView> items, int page, int size, long totalItems, int totalPages) {

    static TaskPage of(List<TaskView> items, int page, int size, long totalItems) {
        return new TaskPage(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}
