package dev.taskapp.backend.auth;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 problem with Retry-After (whole seconds, at least 1) until the next attempt is allowed. */
class LoginThrottledException extends ErrorResponseException {

    LoginThrottledException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(), null);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        getBody().setProperty("retry_after_seconds", seconds);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins from this address; retry later");
        problem.setTitle("Too many login attempts");
        return problem;
    }
}
