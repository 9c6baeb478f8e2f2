package dev.taskapp.backend.task;

import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
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
        return jdbc.sql("""
                INSERT INTO tasks (owner_id, title, description, status, priority, due_date, created_at, updated_at)
                SELECT :owner, :title, :description, :status, :priority, CAST(:due AS DATE), :created, :updated
                WHERE (SELECT count(*) FROM tasks WHERE owner_id = :owner) < :max
                RETURNING id, version""")
                .param("max", maxPerUser)
                .param("owner", task.ownerId())
                .param("title", task.title())
                .param("description", task.description())
                .param("status", task.status().name())
                .param("priority", task.priority().name())
                .param("due", task.dueDate())
                .param("created", task.createdAt().atOffset(ZoneOffset.UTC))
                .param("updated", task.updatedAt().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> task.withId(rs.getLong("id")).withVersion(rs.getInt("version")))
                .optional().orElseThrow(() -> TaskProblems.limitReached(maxPerUser));
    }
}
