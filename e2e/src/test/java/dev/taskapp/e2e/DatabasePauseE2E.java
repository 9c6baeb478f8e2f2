package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Scenario 3 of issue 7: the database frozen (`docker pause`) for 30 s while clients create tasks.
 * A paused PostgreSQL still accepts TCP connections in the kernel but never answers, so only the
 * backend's timeouts (pool, login and socket) keep requests from hanging. Tagged "scorecard": the
 * 30 s pause runs with -Pscorecard (scripts/scorecard.sh), not in every build.
 */
@Tag("scorecard")
@Order(9)
@ExtendWith(ComposeStackExtension.class)
class DatabasePauseE2E {

    static final String TITLE = "Database paused 30 s under load";
    private static final Duration PAUSE = Duration.ofSeconds(30);

    @Test
    void theBackendAnswersFastWhileTheDatabaseIsFrozenAndLosesNothing(ComposeStack stack) throws InterruptedException {
        boolean passed = false;
        String figure = "not measured: the test stopped before the pause";
        String db = stack.containerId("db");
        try {
            String token = FaultLoad.userToken(stack);
            TaskAppApi api = new TaskAppApi(stack.url("backend", 5000));
            JsonNode backendBefore = stack.inspect("backend");
            List<Integer> healthDuringPause = new ArrayList<>();
            try (TaskWriters writers = new TaskWriters(() -> stack.url("backend", 5000), token, 2)) {
                writers.awaitAcknowledged(50, Duration.ofSeconds(30));
                long pausedAt = System.nanoTime();
                Commands.docker("pause", db).orThrow();
                try {
                    while (System.nanoTime() - pausedAt < PAUSE.toNanos()) {
                        healthDuringPause.add(api.statusOf("/api/health"));
                        Thread.sleep(1000);
                    }
                } finally {
                    Commands.docker("unpause", db).orThrow();
                }
                long unpausedAt = System.nanoTime();
                Eventually.until("backend health 200 after the pause", Duration.ofSeconds(30), () -> api.statusOf("/api/health") == 200);
                double healthBackAfter = (System.nanoTime() - unpausedAt) / 1e9;
                writers.awaitAcknowledged(50, Duration.ofSeconds(30));
                writers.close();

                List<TaskWriters.Attempt> attempts = writers.attempts();
                // The database answers again the moment it is unpaused (Docker's health check had no reason to flip).
                FaultLoad.Outage outage = FaultLoad.Outage.of(attempts, pausedAt, unpausedAt);
                Map<String, Integer> stored = StackDatabase.titlesStartingWith(stack, writers.prefix());
                List<String> lost = TaskWriters.lost(attempts, stored);
                long acknowledged = attempts.stream().filter(TaskWriters.Attempt::acknowledged).count();
                Duration bound = FaultLoad.databaseWaitBound().plus(DatabaseRestartE2E.MARGIN);
                JsonNode backendAfter = stack.inspect("backend");
                figure = "%s (bound %.1f s); health during the pause: %s, 200 again %.1f s after unpause; acknowledged writes lost: %d of %d"
                        .formatted(outage.describe().replace("db healthy", "unpause"), bound.toMillis() / 1e3,
                                summary(healthDuringPause), healthBackAfter, lost.size(), acknowledged);

                assertThat(healthDuringPause).as("health while paused").contains(503).doesNotContain(200);
                assertThat(outage.served503()).as("requests answered 503 while paused").isPositive();
                assertThat(outage.otherAnswers()).as("answers other than 201 or 503 problem+json").isEmpty();
                assertThat(outage.maxSeconds()).as("slowest answer while paused (s)").isLessThanOrEqualTo(bound.toMillis() / 1e3);
                assertThat(outage.resumedAfterSeconds()).as("s from unpause to writes succeeding").isLessThanOrEqualTo(5.0);
                assertThat(lost).as("acknowledged but not stored").isEmpty();
                assertThat(TaskWriters.duplicated(stored)).as("stored twice").isEmpty();
                assertThat(backendAfter.at("/State/StartedAt").asString()).as("backend not restarted")
                        .isEqualTo(backendBefore.at("/State/StartedAt").asString());
            }
            passed = true;
        } finally {
            Commands.docker("unpause", db); // harmless when it is running
            Scorecard.record(3, TITLE, passed, figure);
        }
    }

    /** e.g. "503 x29, -1 x1": the statuses the health endpoint gave, in order of first appearance. */
    private static String summary(List<Integer> statuses) {
        Map<Integer, Long> counts = new java.util.LinkedHashMap<>();
        statuses.forEach(status -> counts.merge(status, 1L, Long::sum));
        return counts.entrySet().stream().map(entry -> entry.getKey() + " x" + entry.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
