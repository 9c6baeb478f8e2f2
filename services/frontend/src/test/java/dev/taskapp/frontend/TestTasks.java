package dev.taskapp.frontend;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.Cookie;

import dev.taskapp.frontend.auth.AuthCookies;
import dev.taskapp.frontend.backend.TaskView;
import dev.taskapp.frontend.backend.TaskPage;

/** Tasks and cookies the web tests share. */
public final class TestTasks {

    public static final String TOKEN = "token-of-alice";

    private TestTasks() {
    }

    public static Cookie[] signedIn() {
        return new Cookie[] { new Cookie(AuthCookies.TOKEN, TOKEN), new Cookie(AuthCookies.USERNAME, "alice") };
    }

    public static TaskView task(long id, String title, String status) {
        return new TaskView(id, title, "about " + title, status, "high", LocalDate.of(2026, 12, 1), 3);
    }

    public static TaskPage page(TaskView... tasks) {
        return new TaskPage(List.of(tasks), 0, 20, tasks.length, tasks.length == 0 ? 0 : 1);
    }
}
