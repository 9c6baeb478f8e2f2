package dev.taskapp.frontend.task;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.taskapp.frontend.auth.SignedInUser;
import dev.taskapp.frontend.backend.BackendClient;
import dev.taskapp.frontend.backend.BackendProblemException;
import dev.taskapp.frontend.backend.TaskView;
import dev.taskapp.frontend.backend.TaskPage;
import dev.taskapp.frontend.system.Htmx;

/**
 * The task list and its actions. Every action works as a plain form post (redirect back to the list)
 * and, from htmx, answers with just the piece of page that changed plus a status message for screen
 * readers; "tasks-changed" makes the list reload itself with its current filters.
 */
@Controller
@RequestMapping("/tasks")
class TaskController {

    private static final String TASKS_CHANGED = "tasks-changed";

    private final BackendClient backend;

    TaskController(BackendClient backend) {
        this.backend = backend;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("query") TaskListQuery query,
            Model model, HttpServletRequest request) {
        addTasks(model, backend.listTasks(user.token(), query.toFilter()));
        if (Htmx.targets(request, "task-list")) {
            return "tasks/taskList";
        }
        model.addAttribute("form", new TaskForm());
        return "tasks/list";
    }

    /** The page of tasks (counts, paging) and its rows as shown. */
    private static void addTasks(Model model, TaskPage tasks) {
        model.addAttribute("tasks", tasks);
        model.addAttribute("rows", TaskRow.of(tasks.items()));
    }

    @PostMapping
    String create(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") TaskForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response) {
        TaskView created = null;
        if (!errors.hasErrors()) {
            try {
                created = backend.createTask(user.token(), form.toDraft());
            }
            catch (BackendProblemException problem) {
                BackendErrors.reject(problem, errors);
            }
        }
        if (!Htmx.isHtmx(request)) {
            if (created != null) {
                return "redirect:/tasks";
            }
            TaskListQuery everything = new TaskListQuery(null, null, null, null, 1);
            model.addAttribute("query", everything);
            addTasks(model, backend.listTasks(user.token(), everything.toFilter()));
            return "tasks/list";
        }
        if (created != null) {
            response.setHeader("HX-Trigger", TASKS_CHANGED);
            model.addAttribute("form", new TaskForm());
            model.addAttribute("announcement", "Task “" + created.title() + "” created.");
        }
        else {
            model.addAttribute("announcement", "The task was not created: please correct the marked fields.");
        }
        return "tasks/createFormUpdated";
    }

    @GetMapping("/{id}")
    String row(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model,
            HttpServletRequest request) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/tasks";
        }
        model.addAttribute("task", TaskRow.of(backend.getTask(user.token(), id)));
        return "tasks/row";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model,
            HttpServletRequest request) {
        TaskView task = backend.getTask(user.token(), id);
        model.addAttribute("task", TaskRow.of(task));
        model.addAttribute("form", TaskForm.of(task));
        return Htmx.isHtmx(request) ? "tasks/editRow" : "tasks/edit";
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @ModelAttribute("form") TaskForm form, BindingResult errors, Model model, HttpServletRequest request) {
        TaskView updated = null;
        if (!errors.hasErrors()) {
            try {
                updated = backend.updateTask(user.token(), id, form.toDraft());
            }
            catch (BackendProblemException problem) {
                if (problem.status() == 409) {
                    // changed elsewhere meanwhile: show the latest version rather than overwrite it
                    form.copyFrom(backend.getTask(user.token(), id));
                    errors.reject("conflict", "This task was changed elsewhere meanwhile. This is its latest "
                            + "version: make your change again.");
                }
                else {
                    BackendErrors.reject(problem, errors);
                }
            }
        }
        if (updated == null) {
            model.addAttribute("task", TaskRow.of(backend.getTask(user.token(), id)));
            model.addAttribute("announcement", "The task was not saved: please correct the marked fields.");
            return Htmx.isHtmx(request) ? "tasks/editRowUpdated" : "tasks/edit";
        }
        return rowUpdated(updated, "saved", model, request);
    }

    @PostMapping("/{id}/complete")
    String complete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version,
            Model model, HttpServletRequest request) {
        try {
            return rowUpdated(backend.completeTask(user.token(), id, version), "completed", model, request);
        }
        catch (BackendProblemException problem) {
            return changedElsewhere(problem, user, id, "not completed", model, request);
        }
    }

    /** 412: the task changed since the page showed it; show its latest version, change nothing. */
    private String changedElsewhere(BackendProblemException problem, SignedInUser user, long id, String notDone,
            Model model, HttpServletRequest request) {
        if (problem.status() != 412) {
            throw problem;
        }
        return rowUpdated(backend.getTask(user.token(), id), notDone + ": it was changed elsewhere meanwhile;"
                + " this is its latest version", model, request);
    }

    /** After a change: the updated row for htmx (announced to screen readers), the list otherwise. */
    private static String rowUpdated(TaskView task, String whatHappened, Model model, HttpServletRequest request) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/tasks";
        }
        model.addAttribute("task", TaskRow.of(task));
        model.addAttribute("announcement", "Task “" + task.title() + "” " + whatHappened + ".");
        return "tasks/rowUpdated";
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model,
            HttpServletRequest request) {
        model.addAttribute("task", TaskRow.of(backend.getTask(user.token(), id)));
        return Htmx.isHtmx(request) ? "tasks/confirmDeleteRow" : "tasks/confirmDelete";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            backend.deleteTask(user.token(), id, version);
        }
        catch (BackendProblemException problem) {
            return changedElsewhere(problem, user, id, "not deleted", model, request);
        }
        if (!Htmx.isHtmx(request)) {
            return "redirect:/tasks";
        }
        response.setHeader("HX-Trigger", TASKS_CHANGED);
        model.addAttribute("announcement", "Task deleted.");
        return "tasks/announcement";
    }
}
