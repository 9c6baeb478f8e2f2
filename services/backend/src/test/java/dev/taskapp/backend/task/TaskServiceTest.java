package dev.taskapp.backend.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** If-Match: strong ETags of the version, lists of them, or "*". */
class TaskServiceTest {

    @Test
    void ifMatchComparesWithTheCurrentVersion() {
        assertThat(TaskService.matches("\"3\"", 3)).isTrue();
        assertThat(TaskService.matches("\"2\"", 3)).isFalse();
        assertThat(TaskService.matches("\"1\", \"3\"", 3)).isTrue();
        assertThat(TaskService.matches("*", 3)).isTrue();
        assertThat(TaskService.matches("W/\"3\"", 3)).isFalse(); // weak tags never match If-Match
        assertThat(TaskService.matches("3", 3)).isFalse(); // an ETag is quoted
    }
}
