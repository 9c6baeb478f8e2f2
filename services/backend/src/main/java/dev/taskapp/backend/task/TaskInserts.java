package dev.taskapp.backend.task;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Creates a task with one INSERT … RETURNING in autocommit. Spring Data JDBC's save would build
 * the SQL anew and wrap it in a transaction (BEGIN … COMMIT: one more round trip) on every call.
 * Changes still go through {@link TaskRepository}.
 */
@Repository
class TaskInserts {

    private final JdbcClient jdbc;
    private final int maxPerUser;
    /** Built once, from the columns {@link TaskRows} writes: they are the same for every task. */
    private String sql;

    TaskInserts(JdbcClient jdbc, @Value("${taskapp.tasks.max-per-user:1000}") int maxPerUser) {
        this.jdbc = jdbc;
        this.maxPerUser = maxPerUser;
    }

    /**
     * Inserts the task unless its owner already holds {@code taskapp.tasks.max-per-user} tasks, in the
     * same statement (no extra round trip). Concurrent creates of one owner may overshoot by the few
     * in flight: the cap bounds storage per account, it is not an exact quota.
     */
    Task insert(Task task) {
        MapSqlParameterSource values = TaskRows.values(task);
        if (sql == null) {
            sql = insertStatement(values.getParameterNames());
        }
        return jdbc.sql(sql).paramSource(values.addValue("max", maxPerUser))
                .query(TaskRows.MAPPER)
                .optional().orElseThrow(() -> TaskProblems.limitReached(maxPerUser));
    }

    private static String insertStatement(String[] columns) {
        return "INSERT INTO tasks (" + String.join(", ", columns) + ")"
                + " SELECT " + Arrays.stream(columns).map(column -> ":" + column).collect(Collectors.joining(", "))
                + " WHERE (SELECT count(*) FROM tasks WHERE owner_id = :owner_id) < :max RETURNING *";
    }
}
