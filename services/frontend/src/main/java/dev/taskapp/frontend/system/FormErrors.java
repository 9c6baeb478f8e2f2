package dev.taskapp.frontend.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A form's errors as its page shows them: the messages that name no field above the form, the others
 * next to their field (with aria-invalid and aria-describedby on it).
 */
public record FormErrors(List<String> global, Map<String, String> fields) {

    static final FormErrors NONE = new FormErrors(List.of(), Map.of());

    static FormErrors of(Errors errors) {
        if (errors == null || !errors.hasErrors()) {
            return NONE;
        }
        List<String> global = errors.getGlobalErrors().stream().map(ObjectError::getDefaultMessage).toList();
        Map<String, String> fields = errors.getFieldErrors().stream().collect(Collectors.groupingBy(
                FieldError::getField, Collectors.mapping(FieldError::getDefaultMessage, Collectors.joining("; "))));
        return new FormErrors(global, fields);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String message(String field) {
        return fields.get(field);
    }

    /** The value of the field's aria-invalid attribute. */
    public String invalid(String field) {
        return has(field) ? "true" : "false";
    }
}
