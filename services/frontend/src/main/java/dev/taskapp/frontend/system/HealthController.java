package dev.taskapp.frontend.system;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.taskapp.frontend.backend.BackendHealthProbe;

/**
 * Readiness as Compose and Kubernetes probe it: healthy only while the backend is, since no page
 * works without it. Liveness (process only) is Actuator's /actuator/health/liveness.
 */
@RestController
class HealthController {

    static final String SERVICE = "task-management-frontend";

    private final BackendHealthProbe backend;

    HealthController(BackendHealthProbe backend) {
        this.backend = backend;
    }

    @GetMapping("/api/health")
    ResponseEntity<Health> health() {
        String problem = backend.backendProblem();
        boolean healthy = problem == null;
        Health body = new Health(healthy ? "healthy" : "unhealthy", SERVICE, Instant.now(), uptimeSeconds(),
                healthy ? "Service is running normally" : problem);
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    private static double uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }

    record Health(String status, String service, Instant timestamp, double uptime, String message) {
    }
}
