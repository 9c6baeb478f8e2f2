package dev.taskapp.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** What the fault scenarios share: a user to write as, and the reading of an outage from the attempts. */
final class FaultLoad {

    private static final String PASSWORD = "fault-load-password-1";

    private FaultLoad() {
    }

    /** Registers a fresh user and returns its access token, once the backend is healthy (an earlier fault may linger). */
    static String userToken(ComposeStack stack) {
        Eventually.until("backend healthy before the fault", Duration.ofMinutes(2), () -> stack.health("backend").equals("healthy"));
        TaskAppApi api = new TaskAppApi(stack.url("backend", 5000));
        String username = "load_" + ComposeStack.randomHex(4);
        if (api.register(username, PASSWORD).statusCode() != 201) {
            throw new AssertionError("cannot register " + username);
        }
        return api.token(username, PASSWORD);
    }

    /** The backend's pool timeout (spring.datasource.hikari.connection-timeout), read from its configuration. */
    static Duration poolTimeout() {
        return Duration.ofMillis(Long.parseLong(backendProperties().getProperty("spring.datasource.hikari.connection-timeout")));
    }

    /**
     * The longest a request may wait on an unresponsive database: the pool timeout, or the driver's socket
     * timeout for a query sent on a connection taken just before the database froze.
     */
    static Duration databaseWaitBound() {
        Duration socket = Duration.ofSeconds(Long.parseLong(
                backendProperties().getProperty("spring.datasource.hikari.data-source-properties.socketTimeout")));
        return socket.compareTo(poolTimeout()) > 0 ? socket : poolTimeout();
    }

    private static Properties backendProperties() {
        Path file = Path.of(System.getProperty("taskapp.root", ".."),
                "services/backend/src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return properties;
    }

    /**
     * The attempts that started while the database was out (from the fault until Docker saw it healthy
     * again), and when success resumed after that.
     */
    record Outage(List<TaskWriters.Attempt> during, double maxSeconds, long served503, long acknowledged,
                  List<TaskWriters.Attempt> otherAnswers, double resumedAfterSeconds) {

        static Outage of(List<TaskWriters.Attempt> attempts, long faultNanos, long healthyNanos) {
            List<TaskWriters.Attempt> during = attempts.stream()
                    .filter(attempt -> attempt.startNanos() >= faultNanos && attempt.startNanos() < healthyNanos).toList();
            double max = during.stream().mapToDouble(TaskWriters.Attempt::seconds).max().orElse(0);
            long served503 = during.stream().filter(TaskWriters.Attempt::problem503).count();
            long acknowledged = during.stream().filter(TaskWriters.Attempt::acknowledged).count();
            List<TaskWriters.Attempt> other = during.stream()
                    .filter(attempt -> !attempt.acknowledged() && !attempt.problem503()).toList();
            // Success is back for good from the first acknowledged write after the last failed one; before
            // Docker's next health check saw the database healthy, that counts as 0 s.
            long lastFailureEnd = attempts.stream().filter(attempt -> !attempt.acknowledged())
                    .mapToLong(TaskWriters.Attempt::endNanos).max().orElse(faultNanos);
            double resumed = attempts.stream().filter(TaskWriters.Attempt::acknowledged)
                    .mapToLong(TaskWriters.Attempt::endNanos).filter(end -> end > lastFailureEnd).min()
                    .stream().mapToDouble(end -> Math.max(0, (end - healthyNanos) / 1e9)).findFirst().orElse(Double.NaN);
            return new Outage(during, max, served503, acknowledged, other, resumed);
        }

        String describe() {
            return "during the outage %d requests: %d answered 503 problem+json, %d acknowledged, %d other%s; slowest %.2f s; success resumed %.1f s after db healthy"
                    .formatted(during.size(), served503, acknowledged, otherAnswers.size(), statuses(otherAnswers),
                            maxSeconds, resumedAfterSeconds);
        }

        /** e.g. " (500 x2, no answer x1)". */
        static String statuses(List<TaskWriters.Attempt> attempts) {
            if (attempts.isEmpty()) {
                return "";
            }
            return attempts.stream().collect(java.util.stream.Collectors.groupingBy(
                            attempt -> attempt.status() == -1 ? "no answer" : attempt.status() + " " + attempt.contentType(),
                            java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                    .entrySet().stream().map(entry -> entry.getKey() + " x" + entry.getValue())
                    .collect(java.util.stream.Collectors.joining(", ", " (", ")"));
        }
    }
}
