package dev.taskapp.backend.task;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.taskapp.backend.system.InvalidValueException;

/** The API writes enum constants in lower case (IN_PROGRESS is in_progress), in JSON and in query parameters. */
final class ApiEnums {

    private ApiEnums() {
    }

    static String value(Enum<?> constant) {
        return constant.name().toLowerCase();
    }

    static <E extends Enum<E>> E fromValue(E[] constants, String value) {
        for (E constant : constants) {
            if (value(constant).equals(value)) {
                return constant;
            }
        }
        throw new InvalidValueException("must be one of "
                + Arrays.stream(constants).map(ApiEnums::value).collect(Collectors.joining(", ")));
    }
}
