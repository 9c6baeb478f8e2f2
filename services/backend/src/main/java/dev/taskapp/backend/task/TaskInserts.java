package dev.taskapp.backend.task;

import java.time.ZoneOffset;

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

    TaskInserts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Task insert(Task task) {
        return jdbc.sql("""
                INSERT INTO tasks (owner_id, title, description, status, priority, due_date, created_at, updated_at)
                VALUES (:owner, :title, :description, :status, :priority, :due, :created, :updated)
                RETURNING id, version""")
                .param("owner", task.ownerId())
                .param("title", task.title())
                .param("description", task.description())
                .param("status", task.status().name())
                .param("priority", task.priority().name())
                .param("due", task.dueDate())
                .param("created", task.createdAt().atOffset(ZoneOffset.UTC))
                .param("updated", task.updatedAt().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> task.withId(rs.getLong("id")).withVersion(rs.getInt("version")))
                .single();
    }
}
