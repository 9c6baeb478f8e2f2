package dev.taskapp.backend.task;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH semantics: a field left out is kept, a field sent is applied, "due_date": null clears. */
class TaskChangesTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-02T00:00:00Z");
    private final Task task = new Task(1L, 7L, "Title", "Text", TaskStatus.TODO, TaskPriority.LOW,
            LocalDate.parse("2026-12-01"), T0, T0, 3);

    @Test
    void leavesOutFieldsThatWereNotSent() {
        Task changed = changes("{\"status\":\"done\"}").applyTo(task, T1);
        assertThat(changed).isEqualTo(new Task(1L, 7L, "Title", "Text", TaskStatus.DONE, TaskPriority.LOW,
                LocalDate.parse("2026-12-01"), T0, T1, 3));
    }

    @Test
    void explicitNullClearsTheDueDateAndTheDescription() {
        Task changed = changes("{\"due_date\":null,\"description\":null}").applyTo(task, T1);
        assertThat(changed.dueDate()).isNull();
        assertThat(changed.description()).isEmpty();
        assertThat(changed.title()).isEqualTo("Title");
    }

    @Test
    void versionIsReadButNeverApplied() {
        TaskChanges changes = changes("{\"title\":\"New\",\"version\":3}");
        assertThat(changes.version()).isEqualTo(3);
        assertThat(changes.applyTo(task, T1).version()).isEqualTo(3);
    }

    @Test
    void blankTitleAndNullStatusAreInvalidOnlyWhenSent() {
        assertThat(changes("{}").isTitle()).isTrue();
        assertThat(changes("{\"title\":\" \"}").isTitle()).isFalse();
        assertThat(changes("{\"status\":null}").isStatus()).isFalse();
        assertThat(changes("{\"priority\":null}").isPriority()).isFalse();
    }

    private static TaskChanges changes(String json) {
        return JSON.readValue(json, TaskChanges.class);
    }
}
