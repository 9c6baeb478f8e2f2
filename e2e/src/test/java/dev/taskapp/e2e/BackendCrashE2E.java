package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 1 of issue 7: the backend process dies (SIGKILL) while a client creates tasks without
 * pause. Everything acknowledged is stored, nothing twice, and the restart policy brings the backend
 * back to healthy within 15 s.
 *
 * Why the kill comes from the host and not from `docker kill -s KILL`: the engine records `docker
 * kill` as a manual stop and does not apply `restart: unless-stopped` (verified on Engine 20.10 here,
 * with `always` too). A crash or an OOM kill is the engine seeing its container's process die, which
 * is what SIGKILL to the container's main process from the host reproduces.
 */
@Order(7)
@ExtendWith(ComposeStackExtension.class)
class BackendCrashE2E {

    static final String TITLE = "Backend killed during task creations";
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(15);

    @Test
    void acknowledgedWritesSurviveAKilledBackendWhichComesBackHealthy(ComposeStack stack) {
        Optional<ProcessHandle> backendProcess = ProcessHandle.of(stack.inspect("backend").at("/State/Pid").asLong());
        assumeTrue(backendProcess.isPresent(), "the backend's process is not visible from here "
                + "(the Docker engine runs on another host): it cannot be killed as a crash would");
        boolean passed = false;
        String figure = "not measured: the test stopped before the kill";
        try {
            String token = FaultLoad.userToken(stack);
            long restartsBefore = stack.inspect("backend").get("RestartCount").asLong();

            List<TaskWriters.Attempt> attempts;
            double secondsToHealthy;
            try (TaskWriters writers = new TaskWriters(() -> stack.url("backend", 5000), token, 2)) {
                writers.awaitAcknowledged(50, Duration.ofSeconds(30));
                long killedAt = System.nanoTime();
                assertThat(backendProcess.get().destroyForcibly()).as("SIGKILL sent to the backend").isTrue();
                Eventually.until("the engine restarted the backend", HEALTHY_WITHIN,
                        () -> stack.inspect("backend").get("RestartCount").asLong() > restartsBefore);
                // Waits past the target so a slow recovery is measured, not only reported as too slow.
                Eventually.until("backend healthy", Duration.ofMinutes(2), () -> stack.health("backend").equals("healthy"));
                secondsToHealthy = (System.nanoTime() - killedAt) / 1e9;
                writers.awaitAcknowledged(50, Duration.ofSeconds(30));
                writers.close();
                attempts = writers.attempts();
                Map<String, Integer> stored = StackDatabase.titlesStartingWith(stack, writers.prefix());
                long acknowledged = attempts.stream().filter(TaskWriters.Attempt::acknowledged).count();
                List<String> lost = TaskWriters.lost(attempts, stored);
                var duplicated = TaskWriters.duplicated(stored);
                List<TaskWriters.Attempt> unacknowledged = attempts.stream().filter(attempt -> !attempt.acknowledged()).toList();
                figure = "acknowledged writes lost: %d of %d; duplicates: %d; unacknowledged attempts: %d%s; healthy again after %.1f s"
                        .formatted(lost.size(), acknowledged, duplicated.size(), unacknowledged.size(),
                                FaultLoad.Outage.statuses(unacknowledged), secondsToHealthy);

                assertThat(lost).as("acknowledged but not stored").isEmpty();
                assertThat(duplicated).as("stored twice").isEmpty();
                assertThat(secondsToHealthy).as("seconds from the kill to healthy").isLessThanOrEqualTo(HEALTHY_WITHIN.toSeconds());
                assertThat(stack.inspect("backend").at("/State/Status").asString()).isEqualTo("running");
            }
            passed = true;
        } finally {
            Scorecard.record(1, TITLE, passed, figure);
        }
    }
}
