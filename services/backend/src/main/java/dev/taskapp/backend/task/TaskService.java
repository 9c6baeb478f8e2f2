package dev.taskapp.backend.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Creates and changes tasks of one owner. Every change is conditional on the version the client
 * read (body or query {@code version} → 409, {@code If-Match} → 412) and a change without one is
 * refused (428), so no update is ever lost: a blind overwrite is the lost update itself.
 */
@Service
class TaskService {

    private final TaskRepository tasks;
    private final TaskInserts inserts;

    TaskService(TaskRepository tasks, TaskInserts inserts) {
        this.tasks = tasks;
        this.inserts = inserts;
    }

    Task get(long ownerId, long id) {
        return tasks.findByIdAndOwnerId(id, ownerId).orElseThrow(() -> TaskProblems.notFound(id));
    }

    Task create(long ownerId, NewTask request) {
        Instant now = now();
        return inserts.insert(new Task(null, ownerId, request.title(), request.description(), request.status(),
                request.priority(), request.dueDate(), now, now, null));
    }

    Task replace(long ownerId, long id, TaskReplacement request, String ifMatch) {
        return update(ownerId, id, request.version(), ifMatch, task -> task.edited(request.title(),
                request.description(), request.status(), request.priority(), request.dueDate(), now()));
    }

    Task patch(long ownerId, long id, TaskChanges changes, String ifMatch) {
        return update(ownerId, id, changes.version(), ifMatch, task -> changes.applyTo(task, now()));
    }

    void delete(long ownerId, long id, Integer expectedVersion, String ifMatch) {
        Task task = current(ownerId, id, expectedVersion, ifMatch);
        try {
            tasks.delete(task); // conditional on the version too
        } catch (OptimisticLockingFailureException changedSinceRead) {
            throw conflict(ownerId, id, ifMatch); // a racing PATCH or DELETE landed first
        }
    }

    private Task update(long ownerId, long id, Integer expectedVersion, String ifMatch, UnaryOperator<Task> change) {
        Task current = current(ownerId, id, expectedVersion, ifMatch);
        try {
            return tasks.save(change.apply(current));
        } catch (OptimisticLockingFailureException changedSinceRead) {
            throw conflict(ownerId, id, ifMatch); // someone else's write landed between our read and ours
        }
    }

    /** The task as stored, once the client's version is known to be it. */
    private Task current(long ownerId, long id, Integer expectedVersion, String ifMatch) {
        Task current = get(ownerId, id); // 404 first: another user's task stays invisible
        if (ifMatch == null && expectedVersion == null) {
            throw TaskProblems.versionRequired(id);
        }
        if (ifMatch != null && !matches(ifMatch, current.version())) {
            throw TaskProblems.preconditionFailed(id);
        }
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw TaskProblems.staleVersion(id, current.version());
        }
        return current;
    }

    /** 412 for If-Match, else 409 with the latest version; 404 when the winner deleted it. */
    private RuntimeException conflict(long ownerId, long id, String ifMatch) {
        int latest = get(ownerId, id).version();
        return ifMatch != null ? TaskProblems.preconditionFailed(id) : TaskProblems.staleVersion(id, latest);
    }

    /** If-Match holds one or more entity tags, or "*"; ours are strong: "<version>". */
    static boolean matches(String ifMatch, int version) {
        String current = "\"" + version + "\"";
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }

    /** PostgreSQL keeps microseconds: store what we return. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
