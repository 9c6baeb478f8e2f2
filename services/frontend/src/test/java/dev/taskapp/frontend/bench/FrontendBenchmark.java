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
 * Prints the frontend's figures on this machine, one table: per round, and as the median of the rounds
 * with their spread (smallest-largest), task-list pages per second and p99 under wrk (32 connections,
 * signed in, 20 tasks), the CPU each page costs the frontend, the backend, PostgreSQL and wrk, and the
 * frontend's start to ready; then RSS. Not a test: run bench/run.sh.
 * Arguments: the frontend's JVM flags (the container's), e.g. -XX:MaxRAMPercentage=75 -XX:+UseSerialGC.
 * System properties: rounds (3), duration (10s per round), warmup (90s, once), connections (32),
 * bench.lib (scripts/bench-lib.sh, which measures CPU the same way as the other benches).
 */
public final class FrontendBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String USERNAME = "sam" + System.nanoTime() % 1000;
    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    private static final String DURATION = System.getProperty("duration", "10s");
    private static final Path BENCH_LIB = Path.of(System.getProperty("bench.lib", "../../scripts/bench-lib.sh"));
    private static final String COLUMNS = "%-7s %-11s %-13s %-13s %-13s %-14s %-12s %-11s %s%n";

    /** One round's figures; CPU in ms per page. */
    private record Round(double pagesPerSecond, double p99Ms, double frontendCpu, double backendCpu,
            double postgresCpu, double wrkCpu, double readySeconds, String errors) {
    }

    public static void main(String[] args) throws Exception {
        Path frontendJar = Path.of(System.getProperty("taskapp.frontend.jar", "target/taskapp-frontend.jar"));
        List<String> jvmFlags = Arrays.asList(args);
        Path out = Files.createDirectories(Path.of("target", "bench"));
        Files.deleteIfExists(out.resolve("frontend.log"));
        Files.deleteIfExists(out.resolve("backend.log"));
        String loadBefore = loadAverage();
        try (BackendStack backend = BackendStack.start(out.resolve("backend.log"), List.of())) {
            long postmaster = postmasterPid(backend.process().pid());
            String token = signUpWithTasks(backend.url(), 20);
            int port = ServiceProcess.freePort();
            String base = "http://localhost:" + port;
            Map<String, String> environment = Map.of("PORT", String.valueOf(port), "MANAGEMENT_PORT", "0",
                    "BACKEND_URL", backend.url());
            // Start to ready once per round: the frontend is started ROUNDS times and the last one kept,
            // so the load rounds share one warm-up.
            List<Double> readySeconds = new ArrayList<>();
            ServiceProcess frontend = null;
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    if (frontend != null) {
                        frontend.stop();
                    }
                    frontend = new ServiceProcess(frontendJar, jvmFlags, environment, out.resolve("frontend.log"));
                    readySeconds.add(frontend.start().awaitHealthy(base + "/api/health", Duration.ofSeconds(60))
                            .toMillis() / 1000.0);
                }
                String cookie = "taskapp_token=" + token + "; taskapp_user=" + USERNAME;
                cookie += "; " + checkPage(base, cookie); // a browser sends its CSRF cookie back too
                double idleRss = frontend.rssMiB();

                // warm-up, once: let the JIT compile both services' hot paths (C2 needs a minute or more on a busy machine)
                wrkTaskList(base, cookie, System.getProperty("warmup", "90s"), out.resolve("wrk-warmup.cpu"));
                ServiceProcess measured = frontend;
                AtomicReference<Double> peakRss = new AtomicReference<>(0.0);
                Thread sampler = Thread.ofPlatform().daemon().start(() -> sampleRss(measured, peakRss));

                System.out.println();
                System.out.println("=== TaskApp frontend benchmark (" + Runtime.getRuntime().availableProcessors()
                        + " CPUs, frontend + backend + PostgreSQL + wrk on this machine) ===");
                System.out.println("JVM flags:           " + String.join(" ", jvmFlags));
                System.out.println("load average before: " + loadBefore + " (other work on the machine skews every"
                        + " figure but CPU per page least)");
                System.out.println("task list (20 tasks, signed in), wrk -t2 -c" + CONNECTIONS + " -d" + DURATION
                        + " per round; CPU: user + system time per page (PostgreSQL: the postmaster's whole tree)");
                System.out.printf(COLUMNS, "round", "pages/s", "p99 (ms)", "frontend ms", "backend ms", "PostgreSQL ms",
                        "wrk ms", "ready (s)", "");
                List<Round> rounds = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    double frontendCpu = cpuSeconds(frontend.pid());
                    double backendCpu = cpuSeconds(backend.process().pid());
                    double postgresCpu = cpuSeconds(postmaster);
                    Path wrkCpu = out.resolve("wrk-" + round + ".cpu");
                    String report = wrkTaskList(base, cookie, DURATION, wrkCpu);
                    frontendCpu = cpuSeconds(frontend.pid()) - frontendCpu;
                    backendCpu = cpuSeconds(backend.process().pid()) - backendCpu;
                    postgresCpu = cpuSeconds(postmaster) - postgresCpu;
                    Files.writeString(out.resolve("wrk-" + round + ".txt"), report);
                    double pages = Long.parseLong(find(report, "(\\d+) requests in", "1"));
                    // Errors void the round's figures: say so beside them.
                    String errors = (find(report, "(Socket errors:[^\\n]*)", "") + " "
                            + find(report, "(Non-2xx or 3xx responses:\\s+\\d+)", "")).strip();
                    Round r = new Round(Double.parseDouble(find(report, "Requests/sec:\\s+([\\d.]+)", "0")),
                            millis(find(report, "\\s99%\\s+(\\S+)", "0ms")), frontendCpu * 1000 / pages,
                            backendCpu * 1000 / pages, postgresCpu * 1000 / pages,
                            Double.parseDouble(Files.readString(wrkCpu).strip()) * 1000 / pages,
                            readySeconds.get(round - 1), errors.isEmpty() ? "" : "!! " + errors);
                    rounds.add(r);
                    System.out.printf(COLUMNS, round, "%.0f".formatted(r.pagesPerSecond()), "%.1f".formatted(r.p99Ms()),
                            "%.2f".formatted(r.frontendCpu()), "%.2f".formatted(r.backendCpu()),
                            "%.2f".formatted(r.postgresCpu()), "%.3f".formatted(r.wrkCpu()),
                            "%.2f".formatted(r.readySeconds()), r.errors());
                }
                sampler.interrupt();
                List<List<Double>> columns = List.of(column(rounds, Round::pagesPerSecond), column(rounds, Round::p99Ms),
                        column(rounds, Round::frontendCpu), column(rounds, Round::backendCpu),
                        column(rounds, Round::postgresCpu), column(rounds, Round::wrkCpu), readySeconds);
                List<String> formats = List.of("%.0f", "%.1f", "%.2f", "%.2f", "%.2f", "%.3f", "%.2f");
                List<Object> medians = new ArrayList<>(List.of("median"));
                List<Object> spreads = new ArrayList<>(List.of(""));
                for (int i = 0; i < columns.size(); i++) {
                    List<Double> sorted = columns.get(i).stream().sorted().toList();
                    medians.add(formats.get(i).formatted(median(sorted)));
                    spreads.add((formats.get(i) + "-" + formats.get(i)).formatted(sorted.getFirst(), sorted.getLast()));
                }
                medians.add("");
                spreads.add("(min-max)");
                System.out.printf(COLUMNS, medians.toArray());
                System.out.printf(COLUMNS, spreads.toArray());

                String backendAlone = wrk(backend.url() + "/api/tasks", "Authorization: Bearer " + token, DURATION,
                        out.resolve("wrk-backend-alone.cpu"));
                System.out.println("Spring reports (last start): " + startedLine(out.resolve("frontend.log")));
                System.out.println("backend alone, GET /api/tasks (20 tasks), same wrk, once: "
                        + find(backendAlone, "Requests/sec:\\s+([\\d.]+)") + " req/s, p99 "
                        + find(backendAlone, "\\s99%\\s+(\\S+)"));
                System.out.printf("frontend RSS idle / peak under load: %.0f MiB / %.0f MiB%n", idleRss, peakRss.get());
                System.out.println("load average after:  " + loadAverage());
                System.out.println("wrk output per round: " + out.toAbsolutePath().resolve("wrk-*.txt"));
                if (Boolean.getBoolean("screenshots")) {
                    Screenshots.taskList(base, token, out);
                    System.out.println("screenshots:         " + out.resolve("task-list*.png"));
                }
            }
            finally {
                if (frontend != null) {
                    frontend.close();
                }
            }
        }
    }

    /**
     * The embedded PostgreSQL's postmaster (its connection backends are its children, counted with it).
     * pg_ctl starts it detached, so it is found by its port, which the backend's DATABASE_URL names.
     */
    private static long postmasterPid(long backendPid) throws Exception {
        String environment = Files.readString(Path.of("/proc", String.valueOf(backendPid), "environ"));
        String port = find(environment, "DATABASE_URL=jdbc:postgresql://[^:/]+:(\\d+)/", "?");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> port.equals(argumentAfter(p.info().arguments().orElse(new String[0]), "-p")))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no postmaster listening on port " + port));
    }

    private static String argumentAfter(String[] arguments, String option) {
        int at = List.of(arguments).indexOf(option);
        return at >= 0 && at + 1 < arguments.length ? arguments[at + 1] : null;
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String loadAverage() throws Exception {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).strip().split(" "), 3));
    }

    /** CPU seconds of a process and all its descendants, exited ones included (scripts/bench-lib.sh). */
    private static double cpuSeconds(long pid) throws Exception {
        Process lib = new ProcessBuilder("bash", BENCH_LIB.toString(), "cpu-tree", String.valueOf(pid))
                .redirectErrorStream(true).start();
        String output = new String(lib.getInputStream().readAllBytes()).strip();
        if (lib.waitFor() != 0) {
            throw new IllegalStateException(BENCH_LIB + " cpu-tree failed: " + output);
        }
        return Double.parseDouble(output);
    }

    private static List<Double> column(List<Round> rounds, java.util.function.ToDoubleFunction<Round> value) {
        return rounds.stream().mapToDouble(value).boxed().toList();
    }

    /** The median of sorted values: the middle one, or the mean of the middle two. */
    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** wrk's latency (e.g. 850.00us, 12.34ms, 1.20s) in milliseconds. */
    private static double millis(String latency) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(latency);
        if (!m.matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
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

    private static String wrkTaskList(String base, String cookie, String duration, Path cpuFile) throws Exception {
        return wrk(base + "/tasks", "Cookie: " + cookie, duration, cpuFile);
    }

    /** Runs wrk through scripts/bench-lib.sh, which writes the CPU seconds wrk used to cpuFile. */
    private static String wrk(String url, String header, String duration, Path cpuFile) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", BENCH_LIB.toString(), "cpu-run", cpuFile.toString(),
                "wrk", "-t2", "-c" + CONNECTIONS, "-d" + duration, "--latency", "-H", header, url));
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
                .map(l -> l.substring(l.indexOf("Started"))).reduce((first, last) -> last).orElse("?");
    }

    private static String find(String text, String regex) {
        return find(text, regex, "?");
    }

    private static String find(String text, String regex, String otherwise) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : otherwise;
    }
}
