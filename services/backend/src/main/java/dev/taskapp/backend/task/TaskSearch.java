package dev.taskapp.backend.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lists one owner's tasks with filters, title search, sorting and paging. Plain SQL because
 * sorting by priority means by rank (high > medium > low), not alphabetically.
 */
@Repository
class TaskSearch {

    private static final Map<String, String> ORDER_BY = Map.of(
            "created", "created_at",
            "due", "due_date",
            "priority", "CASE priority WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END");

    private final JdbcClient jdbc;

    TaskSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TaskPage find(long ownerId, TaskQuery query) {
        StringBuilder where = new StringBuilder("owner_id = :owner");
        Map<String, Object> params = new HashMap<>();
        params.put("owner", ownerId);
        if (query.status() != null) {
            where.append(" AND status = :status");
            params.put("status", query.status().name());
        }
        if (query.priority() != null) {
            where.append(" AND priority = :priority");
            params.put("priority", query.priority().name());
        }
        if (query.q() != null) {
            where.append(" AND title ILIKE :q ESCAPE '\\'");
            params.put("q", "%" + escapeLike(query.q()) + "%");
        }
        String direction = query.ascending() ? "ASC" : "DESC";
        // Tasks without a due date come last either way; id keeps the order stable between pages.
        String sql = "SELECT *, count(*) OVER () AS total FROM tasks WHERE " + where
                + " ORDER BY " + ORDER_BY.get(query.sortField()) + " " + direction + " NULLS LAST, id " + direction
                + " LIMIT :limit OFFSET :offset";
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());

        long[] total = {0};
        List<TaskView> items = new ArrayList<>();
        jdbc.sql(sql).params(params).query(rs -> {
            total[0] = rs.getLong("total");
            items.add(TaskView.of(TaskRows.MAPPER.mapRow(rs, items.size())));
        });
        if (items.isEmpty() && query.page() > 0) {
            // Past the last page the window count is not there: count separately.
            total[0] = jdbc.sql("SELECT count(*) FROM tasks WHERE " + where).params(params).query(Long.class).single();
        }
        return TaskPage.of(items, query.page(), query.size(), total[0]);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
