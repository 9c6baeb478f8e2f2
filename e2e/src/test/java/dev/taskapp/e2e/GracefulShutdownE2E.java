package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 4 of issue 7: `docker compose stop backend` while a request is in flight lets that request
 * finish with 200. The slow request is an honest one: a client on a slow link uploading a task edit
 * (PATCH with a long description) a few bytes at a time. The body is finished only after the backend
 * has logged that its graceful shutdown began, so the request is provably in flight during the stop.
 */
@Order(10)
@ExtendWith(ComposeStackExtension.class)
class GracefulShutdownE2E {

    static final String TITLE = "Graceful shutdown with a request in flight";
    private static final String SHUTDOWN_STARTED = "Commencing graceful shutdown";

    @Test
    void aSlowUploadInFlightCompletesWhileTheBackendStops(ComposeStack stack) throws Exception {
        boolean passed = false;
        String figure = "not measured: the test stopped before the stop";
        try {
            String token = FaultLoad.userToken(stack);
            URI backend = stack.url("backend", 5000);
            TaskAppApi api = new TaskAppApi(backend);
            var created = api.createTask(token, "Pack for the trip");
            assertThat(created.statusCode()).isEqualTo(201);
            long id = TaskAppApi.json(created).get("id").asLong();
            long version = TaskAppApi.json(created).get("version").asLong(); // a write must name the version it read
            String description = "Passport, charger, ".repeat(100).trim();
            byte[] body = ("{\"description\":\"" + description + "\"}").getBytes(StandardCharsets.UTF_8);
            String since = Commands.docker("inspect", "--format", "{{.State.StartedAt}}", stack.containerId("backend"))
                    .orThrow().stdout().trim();

            CompletableFuture<CommandResult> stop;
            long stopAt;
            String statusLine;
            double requestSeconds;
            try (Socket socket = new Socket(backend.getHost(), backend.getPort())) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                long requestStart = System.nanoTime();
                out.write(("PATCH /api/tasks/" + id + " HTTP/1.1\r\nHost: " + backend.getAuthority()
                        + "\r\nAuthorization: Bearer " + token + "\r\nIf-Match: \"" + version + "\""
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                int half = body.length / 2;
                out.write(body, 0, half);
                out.flush();

                stopAt = System.nanoTime();
                stop = CompletableFuture.supplyAsync(() -> stack.compose(Duration.ofMinutes(1), "stop", "backend"));
                Eventually.until("the backend began its graceful shutdown", Duration.ofSeconds(30), () ->
                        Commands.docker("logs", "--since", since, stack.containerId("backend")).stdout().contains(SHUTDOWN_STARTED));
                // The rest of the body, slowly: the request stays in flight for about 2 s more.
                for (int offset = half; offset < body.length; offset += 100) {
                    out.write(body, offset, Math.min(100, body.length - offset));
                    out.flush();
                    Thread.sleep(100);
                }
                statusLine = readStatusLine(socket.getInputStream());
                requestSeconds = (System.nanoTime() - requestStart) / 1e9;
            }
            CommandResult stopped = stop.get();
            double stopSeconds = (System.nanoTime() - stopAt) / 1e9;
            int exitCode = stack.inspect("backend").at("/State/ExitCode").asInt();
            figure = "in-flight request answered \"%s\" after %.1f s; backend stopped %.1f s after the stop with exit code %d"
                    .formatted(statusLine, requestSeconds, stopSeconds, exitCode);

            stopped.orThrow();
            assertThat(statusLine).as("status of the in-flight request").startsWith("HTTP/1.1 200");
            // 143 = ended by SIGTERM after the shutdown hooks ran; 137 would mean Docker had to SIGKILL it.
            assertThat(exitCode).as("backend exit code").isNotEqualTo(137);
            stack.up();
            var after = new TaskAppApi(stack.url("backend", 5000)).get("/api/tasks/" + id, token);
            assertThat(TaskAppApi.json(after).get("description").asString()).as("the edit was stored").isEqualTo(description);
            passed = true;
        } finally {
            Scorecard.record(4, TITLE, passed, figure);
            stack.up();
        }
    }

    private static String readStatusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r' && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.isEmpty() ? "no answer (connection closed)" : line.toString();
    }
}
