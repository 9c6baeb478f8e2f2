package dev.taskapp.backend.task;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a task is. Written in lower case in the API (low, medium, high). */
public enum TaskPriority {
    LOW, MEDIUM, HIGH;

    static final String ALLOWED = Arrays.stream(values()).map(TaskPriority::value).collect(Collectors.joining(", "));

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static TaskPriority fromValue(String value) {
        for (TaskPriority status : values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("must be one of " + ALLOWED);
    }
}
