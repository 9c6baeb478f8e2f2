package dev.taskapp.frontend.task;

import static dev.taskapp.frontend.TestTasks.TOKEN;
import static dev.taskapp.frontend.TestTasks.page;
import static dev.taskapp.frontend.TestTasks.signedIn;
import static dev.taskapp.frontend.TestTasks.task;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.taskapp.frontend.FrontendWebTest;
import dev.taskapp.frontend.backend.BackendClient;
import dev.taskapp.frontend.backend.BackendProblemException;
import dev.taskapp.frontend.backend.Problem;
import dev.taskapp.frontend.backend.TaskDraft;
import dev.taskapp.frontend.backend.TaskFilter;

@FrontendWebTest
class TaskControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BackendClient backend;

    @Test
    void listShowsTheTasksWithTheFiltersOfTheUrl() throws Exception {
        given(backend.listTasks(eq(TOKEN), any())).willReturn(page(task(1, "Buy milk", "todo"),
                task(2, "Write report", "done")));

        mvc.perform(get("/tasks?status=todo&priority=high&q=milk&sort=due,asc&page=1").cookie(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Buy milk"), containsString("Write report"),
                        containsString("Signed in as <strong>alice</strong>"), containsString("value=\"milk\""),
                        containsString("<label for=\"new-title\">Title</label>"), containsString("aria-live=\"polite\""))));
        then(backend).should().listTasks(TOKEN, new TaskFilter("todo", "high", "milk", "due,asc", 0));
    }

    @Test
    void eachRowShowsItsLabelsDueDateAndActions() throws Exception {
        given(backend.listTasks(eq(TOKEN), any())).willReturn(page(task(7, "Buy <oat> milk", "in_progress"),
                task(8, "Write report", "done")));

        mvc.perform(get("/tasks").cookie(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h3 class=\"task-title\">Buy &lt;oat&gt; milk</h3>"),
                        containsString("<span class=\"badge status-in_progress\">In progress</span>"),
                        containsString("<span class=\"badge priority-high\">High priority</span>"),
                        containsString("Due <time datetime=\"2026-12-01\">1 Dec 2026</time>"),
                        containsString("href=\"/tasks/7/edit\" hx-get=\"/tasks/7/edit\""),
                        containsString("action=\"/tasks/7/complete\""),
                        containsString("hx-post=\"/tasks/7/complete\""),
                        containsString("<input type=\"hidden\" name=\"_csrf\""),
                        containsString("href=\"/tasks/7/delete\" hx-get=\"/tasks/7/delete\""),
                        containsString("<span class=\"visually-hidden\"> “Buy &lt;oat&gt; milk”</span>"),
                        containsString("class=\"task done\""),
                        not(containsString("action=\"/tasks/8/complete\"")))));
    }

    @Test
    void aTitleWithAScriptIsShownAsTextNeverRun() throws Exception {
        String title = "<script>alert('x')</script>";
        given(backend.listTasks(eq(TOKEN), any())).willReturn(page(task(7, title, "todo")));
        given(backend.getTask(TOKEN, 7)).willReturn(task(7, title, "todo"));

        mvc.perform(get("/tasks").cookie(signedIn()))
                .andExpect(content().string(allOf(
                        containsString("<h3 class=\"task-title\">&lt;script&gt;alert('x')&lt;/script&gt;</h3>"),
                        not(containsString("<script>alert")))));
        mvc.perform(get("/tasks/7/edit").cookie(signedIn()).header("HX-Request", "true"))
                .andExpect(content().string(allOf(
                        containsString("value=\"&lt;script>alert(&#39;x&#39;)&lt;/script>\""),
                        containsString("aria-label=\"Edit &lt;script>alert(&#39;x&#39;)&lt;/script>\""),
                        not(containsString("<script>alert")))));
    }

    @Test
    void pagesLinkToTheirNeighboursKeepingTheFilters() throws Exception {
        given(backend.listTasks(eq(TOKEN), any())).willReturn(new dev.taskapp.frontend.backend.TaskPage(
                List.of(task(21, "Buy milk", "todo")), 1, 20, 45, 3));

        mvc.perform(get("/tasks").param("status", "todo").param("q", "a&b").param("sort", "due,asc")
                        .param("page", "2").cookie(signedIn()))
                .andExpect(content().string(allOf(containsString("Page 2 of 3"),
                        containsString("href=\"/tasks?status=todo&amp;q=a%26b&amp;sort=due%2Casc&amp;page=1\""),
                        containsString("href=\"/tasks?status=todo&amp;q=a%26b&amp;sort=due%2Casc&amp;page=3\""),
                        containsString("<option value=\"due,asc\" selected>Due soonest</option>"))));
        then(backend).should().listTasks(TOKEN, new TaskFilter("todo", null, "a&b", "due,asc", 1));
    }

    @Test
    void unknownFilterValuesAreNotPassedOn() throws Exception {
        given(backend.listTasks(eq(TOKEN), any())).willReturn(page());

        mvc.perform(get("/tasks?status=bogus&sort=title&page=-3").cookie(signedIn())).andExpect(status().isOk());

        then(backend).should().listTasks(TOKEN, new TaskFilter(null, null, null, null, 0));
    }

    @Test
    void emptyStatesSayWhyNothingIsShown() throws Exception {
        given(backend.listTasks(eq(TOKEN), any())).willReturn(page());

        mvc.perform(get("/tasks").cookie(signedIn()))
                .andExpect(content().string(containsString("You have no tasks yet")));
        mvc.perform(get("/tasks?status=done").cookie(signedIn()))
                .andExpect(content().string(containsString("No task matches these filters")));
    }

    @Test
    void htmxAsksForTheListAloneWhenFiltering() throws Exception {
        given(backend.listTasks(eq(TOKEN), any())).willReturn(page(task(1, "Buy milk", "todo")));

        mvc.perform(get("/tasks?status=todo").cookie(signedIn()).header("HX-Request", "true")
                        .header("HX-Target", "task-list"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"task-list\""), containsString("Buy milk"),
                        not(containsString("<html")), not(containsString("New task")))));
    }

    @Test
    void notSignedInGoesToSignInAndComesBack() throws Exception {
        mvc.perform(get("/tasks?status=done"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/signin?next=%2Ftasks%3Fstatus%3Ddone"));
        mvc.perform(get("/tasks").header("HX-Request", "true").header("HX-Current-URL", "http://localhost/tasks?page=2"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/signin?next=%2Ftasks%3Fpage%3D2"));
    }

    @Test
    void aRejectedTokenSignsOutAndAsksToSignInAgain() throws Exception {
        given(backend.listTasks(eq(TOKEN), any())).willThrow(problem(401, "token expired"));

        mvc.perform(get("/tasks?q=milk").cookie(signedIn()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/signin?expired&next=%2Ftasks%3Fq%3Dmilk"))
                .andExpect(header().stringValues("Set-Cookie", org.hamcrest.Matchers.hasItem(
                        allOf(containsString("taskapp_token=;"), containsString("Max-Age=0")))));
    }

    @Test
    void createFromHtmxAnswersWithAFreshFormAndReloadsTheList() throws Exception {
        given(backend.createTask(eq(TOKEN), any())).willReturn(task(7, "Buy milk", "todo"));

        mvc.perform(post("/tasks").cookie(signedIn()).with(csrf()).header("HX-Request", "true")
                        .param("title", "Buy milk").param("description", "").param("priority", "high")
                        .param("dueDate", "2026-12-01"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "tasks-changed"))
                .andExpect(content().string(allOf(containsString("id=\"create-form\""),
                        containsString("Task “Buy milk” created."), containsString("hx-swap-oob"))));
        then(backend).should().createTask(TOKEN,
                new TaskDraft("Buy milk", "", "todo", "high", LocalDate.of(2026, 12, 1), null));
    }

    @Test
    void backendValidationProblemsAreShownNextToTheirFields() throws Exception {
        given(backend.createTask(eq(TOKEN), any())).willThrow(new BackendProblemException(new Problem(null,
                "Bad Request", 400, "Validation failed", List.of(new Problem.FieldProblem("title", "must not be blank"),
                        new Problem.FieldProblem("due_date", "must be a date in the future")))));

        mvc.perform(post("/tasks").cookie(signedIn()).with(csrf()).header("HX-Request", "true").param("title", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<p class=\"field-error\" id=\"new-title-error\">must not be blank</p>"),
                        containsString("aria-describedby=\"new-title-error\""), containsString("aria-invalid=\"true\""),
                        containsString("<p class=\"field-error\" id=\"new-due-error\">must be a date in the future</p>"))));
    }

    @Test
    void withoutJavaScriptAValidationProblemShowsTheWholePage() throws Exception {
        given(backend.createTask(eq(TOKEN), any())).willThrow(new BackendProblemException(new Problem(null,
                "Bad Request", 400, "Validation failed", List.of(new Problem.FieldProblem("title", "is too long")))));
        given(backend.listTasks(eq(TOKEN), any())).willReturn(page(task(1, "Buy milk", "todo")));

        mvc.perform(post("/tasks").cookie(signedIn()).with(csrf()).param("title", "x".repeat(300)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("is too long"),
                        containsString("Buy milk"))));
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedAndNothingReachesTheBackend() throws Exception {
        mvc.perform(post("/tasks").cookie(signedIn()).param("title", "Buy milk"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/1/delete").cookie(signedIn()).header("HX-Request", "true"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Refresh", "true"));
        then(backend).should(never()).createTask(any(), any());
        then(backend).should(never()).deleteTask(any(), anyLong(), anyLong());
    }

    @Test
    void editCompleteAndDeleteAnswerWithTheChangedRow() throws Exception {
        given(backend.getTask(TOKEN, 5)).willReturn(task(5, "Buy milk", "todo"));
        given(backend.updateTask(eq(TOKEN), eq(5L), any())).willReturn(task(5, "Buy oat milk", "in_progress"));
        given(backend.completeTask(TOKEN, 5, 3)).willReturn(task(5, "Buy oat milk", "done"));

        mvc.perform(get("/tasks/5/edit").cookie(signedIn()).header("HX-Request", "true"))
                .andExpect(content().string(allOf(containsString("id=\"edit-5-title\""),
                        containsString("value=\"Buy milk\""), containsString("name=\"version\" value=\"3\""))));
        mvc.perform(post("/tasks/5").cookie(signedIn()).with(csrf()).header("HX-Request", "true")
                        .param("title", "Buy oat milk").param("description", "").param("status", "in_progress")
                        .param("priority", "high").param("version", "3"))
                .andExpect(content().string(allOf(containsString("id=\"task-5\""), containsString("Buy oat milk"),
                        containsString("Task “Buy oat milk” saved."))));
        then(backend).should().updateTask(TOKEN, 5, new TaskDraft("Buy oat milk", "", "in_progress", "high", null, 3L));
        mvc.perform(post("/tasks/5/complete").cookie(signedIn()).with(csrf()).header("HX-Request", "true")
                        .param("version", "3"))
                .andExpect(content().string(allOf(containsString("class=\"task done\""),
                        containsString("Task “Buy oat milk” completed."))));
        mvc.perform(get("/tasks/5/delete").cookie(signedIn()).header("HX-Request", "true"))
                .andExpect(content().string(allOf(containsString("Delete “<strong>Buy milk</strong>”?"),
                        containsString("Yes, delete"), containsString("name=\"version\" value=\"3\""))));
        mvc.perform(post("/tasks/5/delete").cookie(signedIn()).with(csrf()).header("HX-Request", "true")
                        .param("version", "3"))
                .andExpect(header().string("HX-Trigger", "tasks-changed"))
                .andExpect(content().string(containsString("Task deleted.")));
        then(backend).should().deleteTask(TOKEN, 5, 3);
    }

    @Test
    void aTaskChangedElsewhereIsShownInItsLatestVersion() throws Exception {
        given(backend.updateTask(eq(TOKEN), eq(5L), any())).willThrow(problem(409, "stale version"));
        given(backend.getTask(TOKEN, 5)).willReturn(task(5, "Renamed elsewhere", "todo"));

        mvc.perform(post("/tasks/5").cookie(signedIn()).with(csrf()).header("HX-Request", "true")
                        .param("title", "Mine").param("status", "todo").param("priority", "low").param("version", "2"))
                .andExpect(content().string(allOf(containsString("changed elsewhere"),
                        containsString("value=\"Renamed elsewhere\""), containsString("name=\"version\" value=\"3\""))));
    }

    @Test
    void aMissingTaskOrPageIsA404Page() throws Exception {
        given(backend.getTask(TOKEN, 99)).willThrow(problem(404, "no such task"));

        mvc.perform(get("/tasks/99/edit").cookie(signedIn()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")));
        mvc.perform(get("/tasks/abc/edit").cookie(signedIn()))
                .andExpect(status().isNotFound());
    }

    private static BackendProblemException problem(int status, String detail) {
        return new BackendProblemException(new Problem(null, "problem", status, detail, null));
    }
}
