package dev.taskapp.e2e;

import java.util.Map;
import java.util.stream.Collectors;

/** psql inside the stack's db container: what is really stored, whatever the API said. */
final class StackDatabase {

    private StackDatabase() {
    }

    static String query(ComposeStack stack, String sql) {
        return stack.compose("exec", "-T", "db", "psql", "-U", "taskapp", "-d", "taskapp", "-v", "ON_ERROR_STOP=1",
                "-At", "-F", "\t", "-c", sql).orThrow().stdout();
    }

    /** Title -> number of rows with it, for the tasks whose title starts with {@code prefix}. */
    static Map<String, Integer> titlesStartingWith(ComposeStack stack, String prefix) {
        if (!prefix.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("unexpected prefix " + prefix);
        }
        return query(stack, "SELECT title, count(*) FROM tasks WHERE title LIKE '" + prefix + "%' GROUP BY title")
                .lines().filter(line -> !line.isBlank()).map(line -> line.split("\t"))
                .collect(Collectors.toMap(columns -> columns[0], columns -> Integer.parseInt(columns[1])));
    }
}
