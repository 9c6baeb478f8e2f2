package dev.taskapp.backend.system;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page, for requests it refuses before Spring sees them (e.g. an encoded NUL
 * or backslash in the path): problem+json like every other error, instead of an HTML page.
 * Public with a no-argument constructor: Tomcat may instantiate it by class name, outside Spring,
 * hence its own mapper.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemResponses problems = new ProblemResponses(JsonMapper.builder().build());

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        try {
            problems.write(response, ProblemResponses.problem(HttpStatusCode.valueOf(status),
                    known != null ? known.getReasonPhrase() : "Error",
                    "The server refused the request before reading it"), null);
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone or the response was committed: nothing more can be sent
        }
    }
}
