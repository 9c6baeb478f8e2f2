package dev.taskapp.backend.system;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place an error becomes an RFC 9457 problem: {@link #problem} builds it for every path, and
 * {@link #json} serialises it for the paths outside Spring MVC (filters, security, CORS, Tomcat's error
 * report), so a filter's 413 reads like the controller advice's, field for field.
 */
@Component
public class ProblemResponses {

    static final URI ABOUT_BLANK = URI.create("about:blank");

    private final JsonMapper jsonMapper;

    ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** Every problem names its type, even the default one, as the API contract lists it. */
    public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(title);
        return problem;
    }

    /** A problem to throw from a controller or service; the controller advice renders it. */
    public static ErrorResponseException exception(HttpStatusCode status, String title, String detail) {
        return new ErrorResponseException(status, problem(status, title, detail), null);
    }

    /** Writes the problem, with the request's path as its instance, before Spring MVC has run. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        write(response, problem, request.getRequestURI());
    }

    /** {@code instance} is the path as received, not parsed: Tomcat lets through paths a URI would refuse. */
    void write(HttpServletResponse response, ProblemDetail problem, String instance) throws IOException {
        byte[] body = json(problem, instance);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The fields in the order Spring MVC writes them, absent ones left out, extra properties last. */
    byte[] json(ProblemDetail problem, String instance) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            fields.put("detail", problem.getDetail());
        }
        if (instance != null) {
            fields.put("instance", instance);
        }
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return jsonMapper.writeValueAsBytes(fields);
    }
}
