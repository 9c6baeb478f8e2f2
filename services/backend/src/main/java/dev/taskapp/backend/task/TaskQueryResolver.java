package dev.taskapp.backend.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.taskapp.backend.system.FieldProblem;
import dev.taskapp.backend.system.InvalidParametersException;
import dev.taskapp.backend.system.InvalidValueException;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads GET /api/tasks's query parameters into a {@link TaskQuery} and validates it with Bean
 * Validation. The list is the API's hottest call: six {@code @RequestParam}s cost a data binder, a
 * conversion-service lookup keyed by their annotations and a placeholder resolution each, plus
 * method validation, on every request (docs/performance.md). Every problem is reported at once,
 * as a 400 naming each parameter.
 */
@Component
class TaskQueryResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private static final List<String> PARAMETERS = List.of("page", "size", "status", "priority", "q", "sort");

    private final Validator validator;

    TaskQueryResolver(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TaskQuery.class;
    }

    @Override
    public TaskQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer page = parse(request, "page", TaskQueryResolver::integer, problems);
        Integer size = parse(request, "size", TaskQueryResolver::integer, problems);
        TaskStatus status = parse(request, "status", TaskStatus::fromValue, problems);
        TaskPriority priority = parse(request, "priority", TaskPriority::fromValue, problems);
        String q = request.getParameter("q");
        String sort = parse(request, "sort", Function.identity(), problems);
        // Defaults stand in for what is absent or did not parse, so the rest is still checked.
        TaskQuery query = new TaskQuery(page != null ? page : TaskQuery.DEFAULT_PAGE,
                size != null ? size : TaskQuery.DEFAULT_SIZE, status, priority, q,
                sort != null ? sort : TaskQuery.DEFAULT_SORT);
        for (ConstraintViolation<TaskQuery> violation : validator.validate(query)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (problems.isEmpty()) {
            return query;
        }
        problems.sort(Comparator.comparing(problem -> PARAMETERS.indexOf(problem.field())));
        throw new InvalidParametersException(problems);
    }

    /** A parameter's value, null when absent or blank (as a form's empty field sends it). */
    private static <T> T parse(NativeWebRequest request, String name, Function<String, T> parser,
            List<FieldProblem> problems) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (InvalidValueException invalid) {
            problems.add(new FieldProblem(name, invalid.getMessage()));
        } catch (NumberFormatException notAnInteger) {
            problems.add(new FieldProblem(name, "must be an integer"));
        }
        return null;
    }

    private static Integer integer(String value) {
        return Integer.valueOf(value.strip());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
