package dev.taskapp.backend.task;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a task stands. Written in lower case in the API (todo, in_progress, done). */
public enum TaskStatus {
    TODO, IN_PROGRESS, DONE;

    static final String ALLOWED = Arrays.stream(values()).map(TaskStatus::value).collect(Collectors.joining(", "));

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static TaskStatus fromValue(String value) {
        for (TaskStatus status : values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("must be one of " + ALLOWED);
    }
}
