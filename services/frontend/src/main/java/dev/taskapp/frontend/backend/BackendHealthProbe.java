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
    private volatile Result last = new Result(false, Instant.MIN);

    @Autowired
    BackendHealthProbe(BackendClient backend) {
        this(backend, Clock.systemUTC());
    }

    BackendHealthProbe(BackendClient backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    public boolean isBackendHealthy() {
        Result result = last;
        Instant now = clock.instant();
        if (now.isBefore(result.checkedAt().plus(CACHE_FOR))) {
            return result.healthy();
        }
        synchronized (this) {
            if (now.isBefore(last.checkedAt().plus(CACHE_FOR))) {
                return last.healthy();
            }
            last = new Result(backend.isHealthy(), clock.instant());
            return last.healthy();
        }
    }

    private record Result(boolean healthy, Instant checkedAt) {
    }
}
