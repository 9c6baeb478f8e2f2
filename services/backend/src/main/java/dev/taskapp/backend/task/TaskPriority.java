package dev.taskapp.backend.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a task is. Written in lower case in the API (low, medium, high). */
public enum TaskPriority {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String value() {
        return ApiEnums.value(this);
    }

    @JsonCreator
    public static TaskPriority fromValue(String value) {
        return ApiEnums.fromValue(values(), value);
    }
}
