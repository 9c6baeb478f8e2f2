package dev.taskapp.frontend.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

import dev.taskapp.frontend.backend.TaskFilter;

/**
 * The task list's filters as they appear in the page's URL (/tasks?status=todo&q=milk&sort=due,asc&page=1,
 * page 1-based for people). Unknown values are ignored rather than sent on to the backend.
 */
public record TaskListQuery(String status, String priority, String q, String sort, Integer page) {

    // The labels of the filters' and forms' choices; the *_ORDER lists give the order pages list them in.
    public static final Map<String, String> STATUSES = Map.of("todo", "To do", "in_progress", "In progress", "done", "Done");
    public static final Map<String, String> PRIORITIES = Map.of("low", "Low", "medium", "Medium", "high", "High");
    public static final List<String> STATUS_ORDER = List.of("todo", "in_progress", "done");
    public static final List<String> PRIORITY_ORDER = List.of("low", "medium", "high");
    public static final Map<String, String> SORTS = Map.of(
            "created,desc", "Newest first", "created,asc", "Oldest first",
            "due,asc", "Due soonest", "due,desc", "Due latest",
            "priority,desc", "Highest priority", "priority,asc", "Lowest priority");
    public static final List<String> SORT_ORDER = List.of("created,desc", "created,asc", "due,asc", "due,desc",
            "priority,desc", "priority,asc");

    public TaskListQuery {
        status = known(STATUSES, status);
        priority = known(PRIORITIES, priority);
        q = StringUtils.hasText(q) ? q.strip() : null;
        sort = known(SORTS, sort);
        page = page == null || page < 1 ? 1 : page;
    }

    private static String known(Map<String, String> values, String value) {
        return value != null && values.containsKey(value) ? value : null;
    }

    TaskFilter toFilter() {
        return new TaskFilter(status, priority, q, sort, page - 1);
    }

    public boolean isFiltered() {
        return status != null || priority != null || q != null;
    }

    /** True for the order the list is sorted by; without one, the backend's: newest first. */
    public boolean sortsBy(String order) {
        return sort == null ? "created,desc".equals(order) : sort.equals(order);
    }

    /** This list's URL with another page number, keeping the filters. */
    public String pageUrl(int number) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/tasks");
        Map<String, Object> values = new LinkedHashMap<>();
        add(url, values, "status", status);
        add(url, values, "priority", priority);
        add(url, values, "q", q);
        add(url, values, "sort", sort);
        add(url, values, "page", number);
        // values are expanded as variables, so user text such as "a&b" is fully encoded
        return url.encode().buildAndExpand(values).toUriString();
    }

    private static void add(UriComponentsBuilder url, Map<String, Object> values, String name, Object value) {
        if (value != null) {
            url.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }
}
