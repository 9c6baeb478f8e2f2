package dev.taskapp.backend.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for requests it refuses before Spring sees them (e.g. an encoded NUL
 * or backslash in the path): problem+json like every other error, instead of an HTML page.
 * Public with a no-argument constructor: Tomcat may instantiate it by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"The server refused the request before reading it\"}").getBytes(StandardCharsets.UTF_8);
        try {
            response.setContentType("application/problem+json");
            response.setContentLength(problem.length);
            response.getOutputStream().write(problem);
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone or the response was committed: nothing more can be sent
        }
    }
}
