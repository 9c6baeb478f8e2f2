package dev.taskapp.frontend.task;

import java.util.Map;

import org.springframework.validation.BindingResult;

import dev.taskapp.frontend.backend.BackendProblemException;
import dev.taskapp.frontend.backend.Problem.FieldProblem;

/** Puts the backend's validation problems next to the form fields they name. */
final class BackendErrors {

    /** The backend's JSON names (snake_case) of the form's fields where they differ. */
    private static final Map<String, String> FIELDS = Map.of("due_date", "dueDate");

    private BackendErrors() {
    }

    static void reject(BackendProblemException problem, BindingResult errors) {
        if (problem.isTokenRejected() || problem.isNotFound()) {
            throw problem; // not about the form: sign in again / not found page
        }
        if (problem.fieldErrors().isEmpty()) {
            errors.reject("backend", problem.detail());
            return;
        }
        for (FieldProblem field : problem.fieldErrors()) {
            String name = FIELDS.getOrDefault(field.field(), field.field());
            if (name != null && errors.getTarget() != null
                    && org.springframework.beans.BeanUtils.getPropertyDescriptor(errors.getTarget().getClass(), name) != null) {
                errors.rejectValue(name, "backend", field.message());
            }
            else {
                errors.reject("backend", field.message());
            }
        }
    }
}
