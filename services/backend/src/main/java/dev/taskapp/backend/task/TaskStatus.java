package dev.taskapp.backend.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a task stands. Written in lower case in the API (todo, in_progress, done). */
public enum TaskStatus {
    TODO, IN_PROGRESS, DONE;

    @JsonValue
    public String value() {
        return ApiEnums.value(this);
    }

    @JsonCreator
    public static TaskStatus fromValue(String value) {
        return ApiEnums.fromValue(values(), value);
    }
}
