package dev.taskapp.backend.task;

import dev.taskapp.backend.system.FieldProblem;
import dev.taskapp.backend.system.InvalidParametersException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The list's bounds, checked by hand: the same fields and messages as bean validation gave. */
class TaskQueryTest {

    @Test
    void acceptsTheBoundsThemselves() {
        assertThat(TaskQuery.checked(0, 1, null, null, "x".repeat(200), "due,asc").size()).isEqualTo(1);
        assertThat(TaskQuery.checked(5, 100, null, null, null, "priority").sortField()).isEqualTo("priority");
    }

    @Test
    void namesEveryFieldOutOfBounds() {
        InvalidParametersException ex = catchThrowableOfType(InvalidParametersException.class,
                () -> TaskQuery.checked(-1, 101, null, null, "x".repeat(201), "title,asc"));
        assertThat(ex.errors()).containsExactly(
                new FieldProblem("page", "must be greater than or equal to 0"),
                new FieldProblem("size", "must be less than or equal to 100"),
                new FieldProblem("q", "size must be between 0 and 200"),
                new FieldProblem("sort", "must be created, due or priority, optionally followed by ,asc or ,desc"));
        assertThat(catchThrowableOfType(InvalidParametersException.class,
                () -> TaskQuery.checked(0, 0, null, null, null, "created")).errors())
                .containsExactly(new FieldProblem("size", "must be greater than or equal to 1"));
    }
}
