package dev.taskapp.backend.task;

import java.net.URI;

import jakarta.validation.Valid;

import dev.taskapp.backend.system.CurrentUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tasks. Every lookup is by id and owner, so others' tasks are simply not found. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskService service;
    private final TaskSearch search;

    TaskController(TaskService service, TaskSearch search) {
        this.service = service;
        this.search = search;
    }

    /** The query is read by {@link TaskQueryResolver}: the list is the hottest call (docs/performance.md). */
    @GetMapping
    TaskPage list(CurrentUser user, @ParameterObject TaskQuery query) {
        return search.find(user.id(), query);
    }

    @PostMapping
    ResponseEntity<TaskView> create(CurrentUser user, @Valid @RequestBody NewTask request) {
        TaskView task = TaskView.of(service.create(user.id(), request));
        return ResponseEntity.created(URI.create("/api/tasks/" + task.id())).eTag(task.etag()).body(task);
    }

    @GetMapping("/{id}")
    ResponseEntity<TaskView> get(CurrentUser user, @PathVariable long id) {
        return withEtag(service.get(user.id(), id));
    }

    @PutMapping("/{id}")
    ResponseEntity<TaskView> replace(CurrentUser user, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TaskReplacement request) {
        return withEtag(service.replace(user.id(), id, request, ifMatch));
    }

    @PatchMapping("/{id}")
    ResponseEntity<TaskView> patch(CurrentUser user, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TaskChanges changes) {
        return withEtag(service.patch(user.id(), id, changes, ifMatch));
    }

    /** The version to delete comes as If-Match or ?version= (428 without either). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Integer version) {
        service.delete(user.id(), id, version, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<TaskView> withEtag(Task task) {
        TaskView view = TaskView.of(task);
        return ResponseEntity.ok().eTag(view.etag()).body(view);
    }
}
