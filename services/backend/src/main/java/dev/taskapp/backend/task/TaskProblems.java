package dev.taskapp.backend.task;

import dev.taskapp.backend.system.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The ways a task request can fail, as problem details (rendered by the problem handler). */
final class TaskProblems {

    private TaskProblems() {
    }

    /** Also used for other users' tasks: their existence is not revealed. */
    static ErrorResponseException notFound(long id) {
        return ProblemResponses.exception(HttpStatus.NOT_FOUND, "Task not found",
                "Task " + id + " does not exist");
    }

    static ErrorResponseException staleVersion(long id, int currentVersion) {
        return ProblemResponses.exception(HttpStatus.CONFLICT, "Version conflict", "Task " + id
                + " was changed since you read it (current version " + currentVersion + "); reload it and retry");
    }

    static ErrorResponseException preconditionFailed(long id) {
        return ProblemResponses.exception(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                "If-Match does not match the current ETag of task " + id + "; reload it and retry");
    }

    static ErrorResponseException limitReached(int max) {
        return ProblemResponses.exception(HttpStatus.CONFLICT, "Task limit reached",
                "An account holds at most " + max + " tasks; delete some to create more");
    }

    /** PATCH and DELETE change what the client saw, so they must say which version that was. */
    static ErrorResponseException versionRequired(long id) {
        return ProblemResponses.exception(HttpStatus.PRECONDITION_REQUIRED, "Version required",
                "Send the version of task " + id
                + " you read, as If-Match: \"<version>\" or as \"version\" (query parameter for DELETE)");
    }
}
