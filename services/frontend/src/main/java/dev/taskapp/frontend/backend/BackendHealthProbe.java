package dev.taskapp.frontend.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether the backend's health check passes, asked at most once a second: a burst of probes
 * against the frontend (many replicas, many checkers) never multiplies into a burst against the backend.
 */
@Component
public class BackendHealthProbe {

    static final Duration CACHE_FOR = Duration.ofSeconds(1);

    private final BackendClient backend;
    private final Clock clock;
    private volatile Result last = new Result("not checked yet", Instant.MIN);

    @Autowired
    BackendHealthProbe(BackendClient backend) {
        this(backend, Clock.systemUTC());
    }

    BackendHealthProbe(BackendClient backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** Why the backend is not healthy, or null when it is. */
    public String backendProblem() {
        Result result = last;
        if (clock.instant().isBefore(result.checkedAt().plus(CACHE_FOR))) {
            return result.problem();
        }
        synchronized (this) {
            if (clock.instant().isBefore(last.checkedAt().plus(CACHE_FOR))) {
                return last.problem();
            }
            last = new Result(backend.healthProblem(), clock.instant());
            return last.problem();
        }
    }

    private record Result(String problem, Instant checkedAt) {
    }
}
