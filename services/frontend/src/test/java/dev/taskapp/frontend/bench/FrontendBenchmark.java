package dev.taskapp.frontend.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskapp.frontend.stack.BackendStack;
import dev.taskapp.frontend.stack.ServiceProcess;

/**
 * Prints the frontend's figures on this machine: start to ready, task-list pages per second and p99
 * under wrk (32 connections, 10 s, signed in, 20 tasks), RSS under load. Not a test: run bench/run.sh.
 * Arguments: the frontend's JVM flags (the container's), e.g. -XX:MaxRAMPercentage=75 -XX:+UseSerialGC.
 */
public final class FrontendBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String USERNAME = "sam" + System.nanoTime() % 1000;

    public static void main(String[] args) throws Exception {
        Path frontendJar = Path.of(System.getProperty("taskapp.frontend.jar", "target/taskapp-frontend.jar"));
        List<String> jvmFlags = Arrays.asList(args);
        Path out = Files.createDirectories(Path.of("target", "bench"));
        Files.deleteIfExists(out.resolve("frontend.log"));
        Files.deleteIfExists(out.resolve("backend.log"));
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        try (BackendStack backend = BackendStack.start(out.resolve("backend.log"), List.of())) {
            String token = signUpWithTasks(backend.url(), 20);
            int port = ServiceProcess.freePort();
            String base = "http://localhost:" + port;
            try (ServiceProcess frontend = new ServiceProcess(frontendJar, jvmFlags,
                    Map.of("PORT", String.valueOf(port), "MANAGEMENT_PORT", "0", "BACKEND_URL", backend.url()),
                    out.resolve("frontend.log"))) {
                Duration ready = frontend.start().awaitHealthy(base + "/api/health", Duration.ofSeconds(60));
                String cookie = "taskapp_token=" + token + "; taskapp_user=" + USERNAME;
                cookie += "; " + checkPage(base, cookie); // a browser sends its CSRF cookie back too
                double idleRss = frontend.rssMiB();

                // warm-up: let the JIT compile both services' hot paths (C2 needs a minute or more on a busy machine)
                wrkTaskList(base, cookie, System.getProperty("warmup", "90s"));
                AtomicReference<Double> peakRss = new AtomicReference<>(0.0);
                Thread sampler = Thread.ofPlatform().daemon().start(() -> sampleRss(frontend, peakRss));
                long frontendCpu = frontend.cpuMillis();
                long backendCpu = backend.process().cpuMillis();
                String report = wrkTaskList(base, cookie, "10s");
                frontendCpu = frontend.cpuMillis() - frontendCpu;
                backendCpu = backend.process().cpuMillis() - backendCpu;
                sampler.interrupt();
                long pages = Long.parseLong(find(report, "(\\d+) requests in", "1"));
                String backendAlone = wrk(backend.url() + "/api/tasks", "Authorization: Bearer " + token, "10s");

                String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
                System.out.println();
                System.out.println("=== TaskApp frontend benchmark (" + Runtime.getRuntime().availableProcessors()
                        + " CPUs, frontend + backend + PostgreSQL + wrk on this machine) ===");
                System.out.println("JVM flags:           " + String.join(" ", jvmFlags));
                System.out.println("load average:        " + loadBefore + " before, " + loadAfter + " after"
                        + " (other work on the machine skews every figure)");
                System.out.printf("start to ready:      %.2f s (process start to first 200 from /api/health)%n",
                        ready.toMillis() / 1000.0);
                System.out.println("Spring reports:      " + startedLine(out.resolve("frontend.log")));
                System.out.println("task list, wrk -t2 -c" + CONNECTIONS + " -d10s, 20 tasks, signed in:");
                System.out.println("  requests/s:        " + find(report, "Requests/sec:\\s+([\\d.]+)"));
                System.out.println("  latency p50:       " + find(report, "\\s50%\\s+(\\S+)"));
                System.out.println("  latency p99:       " + find(report, "\\s99%\\s+(\\S+)"));
                System.out.println("  non-2xx responses: " + find(report, "Non-2xx or 3xx responses:\\s+(\\d+)", "0"));
                System.out.printf("  CPU per page:      frontend %.2f ms, backend %.2f ms (of 2 cores: %.0f pages/s "
                        + "if nothing else ran)%n", (double) frontendCpu / pages, (double) backendCpu / pages,
                        2000.0 * pages / (frontendCpu + backendCpu));
                System.out.println("backend alone, GET /api/tasks (20 tasks), same wrk: "
                        + find(backendAlone, "Requests/sec:\\s+([\\d.]+)") + " req/s, p99 "
                        + find(backendAlone, "\\s99%\\s+(\\S+)"));
                System.out.printf("RSS idle / peak under load: %.0f MiB / %.0f MiB%n", idleRss, peakRss.get());
                Files.writeString(out.resolve("wrk.txt"), report);
                if (Boolean.getBoolean("screenshots")) {
                    Screenshots.taskList(base, token, out);
                    System.out.println("screenshots:         " + out.resolve("task-list*.png"));
                }
            }
        }
    }

    /** Registers a user straight at the backend's API, adds tasks, returns the bearer token. */
    private static String signUpWithTasks(String backend, int tasks) throws Exception {
        String user = "{\"username\":\"" + USERNAME + "\",\"password\":\"correct-horse-42\"}";
        post(backend + "/api/auth/register", user, null);
        String token = find(post(backend + "/api/auth/login", user, null), "\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        List<String> titles = List.of("Renew passport", "Book dentist appointment", "Pay electricity bill",
                "Write quarterly report", "Call the plumber", "Buy birthday present for Sam", "Fix the bike's brakes",
                "Plan the team offsite", "Back up the laptop", "Reply to Anna's email");
        for (int i = 1; i <= tasks; i++) {
            String title = titles.get(i % titles.size()) + (i > titles.size() ? " (again)" : "");
            String due = i % 4 == 0 ? "null" : "\"2026-12-" + String.format("%02d", 1 + i % 28) + "\"";
            post(backend + "/api/tasks", "{\"title\":\"" + title + "\",\"description\":\"Note " + i
                    + ": details to remember.\",\"priority\":\"" + List.of("low", "medium", "high").get(i % 3)
                    + "\",\"status\":\"" + List.of("todo", "in_progress", "done", "todo").get(i % 4)
                    + "\",\"due_date\":" + due + "}", token);
        }
        return token;
    }

    private static String post(String url, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Checks the page is the list wrk should measure; returns the CSRF cookie it set. */
    private static String checkPage(String base, String cookie) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/tasks"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("Renew passport")) {
            throw new IllegalStateException("task list is not what wrk should measure: " + page.statusCode());
        }
        return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("taskapp_csrf="))
                .map(c -> c.split(";")[0]).findFirst().orElseThrow();
    }

    /** wrk's connections: the 32, or more to see how the heap copes with many pages in flight. */
    private static final String CONNECTIONS = System.getProperty("connections", "32");

    private static String wrkTaskList(String base, String cookie, String duration) throws Exception {
        return wrk(base + "/tasks", "Cookie: " + cookie, duration);
    }

    private static String wrk(String url, String header, String duration) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + duration, "--latency",
                "-H", header, url));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return output;
    }

    private static void sampleRss(ServiceProcess process, AtomicReference<Double> peak) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                double rss = process.rssMiB();
                peak.accumulateAndGet(rss, Math::max);
                Thread.sleep(200);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String startedLine(Path log) throws Exception {
        return Files.readAllLines(log).stream().filter(l -> l.contains("Started FrontendApplication"))
                .map(l -> l.substring(l.indexOf("Started"))).findFirst().orElse("?");
    }

    private static String find(String text, String regex) {
        return find(text, regex, "?");
    }

    private static String find(String text, String regex, String otherwise) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : otherwise;
    }
}
