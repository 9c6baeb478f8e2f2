package dev.taskapp.backend.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The one mapping between a {@link Task} and its row in {@code tasks}, for reads and writes alike:
 * the create statement, the search and the lookup by owner all go through it, and Spring Data JDBC's
 * update names the same columns after the record's components. A new column is one component in
 * {@link Task} and one line each in {@link #values} and {@link #mapRow}.
 */
final class TaskRows implements RowMapper<Task> {

    static final TaskRows MAPPER = new TaskRows();

    /**
     * What the application writes, by column name (the insert's column list follows it); id and
     * version are the database's. The due date is typed so that a missing one is a NULL date.
     */
    static MapSqlParameterSource values(Task task) {
        return new MapSqlParameterSource()
                .addValue("owner_id", task.ownerId())
                .addValue("title", task.title())
                .addValue("description", task.description())
                .addValue("status", task.status().name())
                .addValue("priority", task.priority().name())
                .addValue("due_date", task.dueDate(), Types.DATE)
                .addValue("created_at", task.createdAt().atOffset(ZoneOffset.UTC))
                .addValue("updated_at", task.updatedAt().atOffset(ZoneOffset.UTC));
    }

    /**
     * Times are read as {@link OffsetDateTime}, not {@code getTimestamp}: the driver decodes those
     * straight into java.time, where a Timestamp goes through a new default Calendar per result set.
     */
    @Override
    public Task mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"), rs.getString("description"),
                TaskStatus.valueOf(rs.getString("status")), TaskPriority.valueOf(rs.getString("priority")),
                rs.getObject("due_date", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }
}
