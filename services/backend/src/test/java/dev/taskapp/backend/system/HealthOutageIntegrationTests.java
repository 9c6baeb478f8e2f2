package dev.taskapp.backend.system;

import java.time.Duration;
import java.util.function.Supplier;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import dev.taskapp.backend.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL restart is lived through without restarting the app: health and requests fail
 * fast with 503 while it is down and succeed again within seconds once it is back.
 */
@IntegrationTest
class HealthOutageIntegrationTests {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void healthFollowsTheDatabaseDownAndBackUp() {
        Api api = new Api(port);
        // Actuator's probes are on the management port (issue 13)
        Api management = new Api(environment.getProperty("local.management.port", Integer.class, port));
        String token = api.signUp("outage" + System.nanoTime());
        Response healthy = api.get("/api/health", null);
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(healthy.body()).isEqualTo(
                "{\"status\":\"healthy\",\"service\":\"task-management-backend\",\"message\":\"Service is running\"}");

        TestDatabase.stop();
        try {
            Response down = timed(() -> api.get("/api/health", null), Duration.ofSeconds(5));
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("status").asString()).isEqualTo("unhealthy");
            assertThat(down.json().get("service").asString()).isEqualTo("task-management-backend");
            assertThat(down.json().get("message").asString()).isEqualTo("Database is unreachable");

            Response request = timed(() -> api.get("/api/tasks", token), Duration.ofSeconds(5));
            assertThat(request.status()).isEqualTo(503);
            assertThat(request.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(request.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception");

            assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(503);
            assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        } finally {
            TestDatabase.start();
        }

        // The pool reconnects on its own; its retry backoff is capped at 5 s, so allow a little more.
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        Response back = api.get("/api/health", null);
        while (back.status() != 200 && System.nanoTime() < deadline) {
            back = api.get("/api/health", null);
        }
        assertThat(back.status()).isEqualTo(200);
        assertThat(api.get("/api/tasks", token).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    /** Fails the test when the call takes longer than the limit: outages must not hang clients. */
    private static Response timed(Supplier<Response> call, Duration limit) {
        long start = System.nanoTime();
        Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
        return response;
    }
}
