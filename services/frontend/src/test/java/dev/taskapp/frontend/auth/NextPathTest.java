package dev.taskapp.frontend.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextPathTest {

    @ParameterizedTest
    @ValueSource(strings = { "/tasks", "/tasks?status=done&page=2", "/tasks/5/edit" })
    void pathsOnThisSiteAreKept(String next) {
        assertThat(NextPath.orDefault(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "tasks", "//evil.example", "/\\evil.example", "https://evil.example/tasks",
            "javascript:alert(1)", "/tasks\r\nSet-Cookie:x=y", "/signin?next=/tasks", "/ tasks" })
    void anythingElseGoesToTheTaskList(String next) {
        assertThat(NextPath.orDefault(next)).isEqualTo("/tasks");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:3000/tasks?page=2", "https://taskapp.example/tasks?page=2" })
    void htmxCurrentUrlGivesItsPathAndQuery(String url) {
        assertThat(NextPath.fromUrl(url)).isEqualTo("/tasks?page=2");
    }
}
