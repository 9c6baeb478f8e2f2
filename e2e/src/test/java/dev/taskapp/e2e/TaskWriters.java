package dev.taskapp.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Client threads that create tasks without pause, each with a unique marker in its title, and remember
 * what every attempt got back: what the backend acknowledged (201) must be in the database afterwards,
 * exactly once. Attempts are never retried with the same marker, so a duplicate can only come from the
 * server. When the backend does not answer, the writers look its host port up again (a restarted
 * container gets a new ephemeral port).
 */
final class TaskWriters implements AutoCloseable {

    /** One POST /api/tasks: when it started and ended (System.nanoTime), and the answer (-1: no answer). */
    record Attempt(String marker, long startNanos, long endNanos, int status, String contentType) {
        boolean acknowledged() {
            return status == 201;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        boolean problem503() {
            return status == 503 && contentType.startsWith("application/problem+json");
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RETRY_DELAY = Duration.ofMillis(200);

    private final String prefix = "w" + ComposeStack.randomHex(4) + "-";
    private final Supplier<URI> backendUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    TaskWriters(Supplier<URI> backendUrl, String token, int count) {
        this.backendUrl = backendUrl;
        this.token = token;
        for (int i = 0; i < count; i++) {
            int writer = i;
            threads.add(Thread.ofPlatform().name("task-writer-" + i).start(() -> write(writer)));
        }
    }

    String prefix() {
        return prefix;
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Blocks until at least {@code count} writes were acknowledged since this call. */
    void awaitAcknowledged(int count, Duration timeout) {
        long target = attempts().stream().filter(Attempt::acknowledged).count() + count;
        Eventually.until(count + " more acknowledged writes", timeout,
                () -> attempts().stream().filter(Attempt::acknowledged).count() >= target);
    }

    /** Stops the writers and waits for their last requests to end. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(REQUEST_TIMEOUT.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(int writer) {
        URI base = null;
        for (long sequence = 0; running; sequence++) {
            if (base == null) {
                base = lookUp();
                continue;
            }
            String marker = prefix + writer + "-" + sequence;
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/tasks"))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + marker + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                attempts.add(new Attempt(marker, start, System.nanoTime(), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse("")));
            } catch (IOException e) {
                attempts.add(new Attempt(marker, start, System.nanoTime(), -1, ""));
                base = null;
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The backend's current host port, or null (after a short wait) while its container is down. */
    private URI lookUp() {
        try {
            return backendUrl.get();
        } catch (RuntimeException e) {
            pause();
            return null;
        }
    }

    /**
     * A client's retry delay after no answer. Without it the writers would spin on a backend that is
     * down and take the CPU its restart needs: two cores here, shared with the whole stack.
     */
    private static void pause() {
        try {
            Thread.sleep(RETRY_DELAY);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Markers of acknowledged writes missing from {@code stored} (title -> how often stored). */
    static List<String> lost(List<Attempt> attempts, Map<String, Integer> stored) {
        return attempts.stream().filter(Attempt::acknowledged).map(Attempt::marker)
                .filter(marker -> !stored.containsKey(marker)).toList();
    }

    static Set<String> duplicated(Map<String, Integer> stored) {
        return stored.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
