package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/** The backend reports a lost database as 503 and recovers by itself when the database returns. */
@Order(4)
@ExtendWith(ComposeStackExtension.class)
class DatabaseOutageE2E {

    @Test
    void stoppingTheDatabaseTurnsBackendHealthTo503AndStartingItRecoversWithoutRestart(ComposeStack stack) {
        TaskAppApi api = new TaskAppApi(stack.url("backend", 5000));
        JsonNode before = stack.inspect("backend").get("State");
        assertThat(api.statusOf("/api/health")).isEqualTo(200);

        try {
            stack.compose("stop", "db").orThrow();
            Eventually.until("backend health is 503", Duration.ofSeconds(45), () -> api.statusOf("/api/health") == 503);
            JsonNode unhealthy = TaskAppApi.json(api.get("/api/health"));
            assertThat(unhealthy.get("status").asString()).isEqualTo("unhealthy");
            assertThat(unhealthy.get("service").asString()).isEqualTo("task-management-backend");
        } finally {
            stack.compose("start", "db").orThrow();
        }
        Eventually.until("backend health is 200 again", Duration.ofSeconds(60), () -> api.statusOf("/api/health") == 200);

        JsonNode after = stack.inspect("backend").get("State");
        assertThat(after.get("StartedAt").asString()).as("backend was not restarted")
                .isEqualTo(before.get("StartedAt").asString());
        assertThat(stack.inspect("backend").get("RestartCount").asInt()).isZero();
        // Compose sees the recovery too, so later tiers stay healthy.
        Eventually.until("Docker reports backend healthy", Duration.ofSeconds(30),
                () -> stack.health("backend").equals("healthy"));
    }
}
