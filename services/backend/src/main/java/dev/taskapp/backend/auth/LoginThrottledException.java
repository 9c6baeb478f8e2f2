package dev.taskapp.backend.auth;

import java.time.Duration;

import dev.taskapp.backend.system.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 429 problem with Retry-After (whole seconds, at least 1) until the next attempt is allowed. */
class LoginThrottledException extends ErrorResponseException {

    LoginThrottledException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                "Too many login attempts", "Too many failed logins from this address; retry later"), null);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        getBody().setProperty("retry_after_seconds", seconds);
    }
}
