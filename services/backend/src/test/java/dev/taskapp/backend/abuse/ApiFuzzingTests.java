package dev.taskapp.backend.abuse;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import dev.taskapp.backend.Scorecard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario 8 of issue 7: seeded random generation of bodies (arbitrary JSON values, wrong types,
 * huge and unicode strings, nulls, unknown fields, malformed text), query parameters, ids and
 * tokens for every endpoint, 500 requests in all. Every response must be below 500, every error
 * problem+json without internals, and a rejected request must leave the database exactly as it was.
 *
 * <p>The seed comes from {@code -Dfuzz.seed=S} or is random; it is printed at the start and in
 * every failure, and {@code ./mvnw -pl services/backend verify -Dfuzz.seed=S -Dtest=ApiFuzzingTests}
 * replays the same requests. Each endpoint draws from its own random stream derived from the seed,
 * so a replay does not depend on the order the endpoints run in.
 */
@IntegrationTest
class ApiFuzzingTests {

    private static final String TITLE = "Property-based fuzzing of every endpoint (seeded random requests)";
    private static final long SEED = Long.getLong("fuzz.seed", ThreadLocalRandom.current().nextLong());
    private static final AtomicInteger requests = new AtomicInteger();
    private static final AtomicInteger rejected = new AtomicInteger();
    private static final List<String> failures = new ArrayList<>();
    private static final List<String> TASK_FIELDS = List.of("title", "description", "status", "priority",
            "due_date", "version", "id", "owner_id", "created_at", "updated_at");

    private static Api api;
    private static JdbcClient jdbc;
    private static String token;
    private static String username;
    private static List<Long> ownIds;
    private static long othersTaskId;

    @BeforeAll
    static void seedUsers(@LocalServerPort int port, @Autowired JdbcClient jdbcClient) {
        System.out.println("ApiFuzzingTests: fuzz.seed=" + SEED);
        jdbc = jdbcClient;
        // Its own client address: the fuzzed logins fill this address's throttle, nobody else's.
        api = new Api(port, "127.0.0.81");
        username = "fuzz" + System.nanoTime();
        token = api.signUp(username);
        ownIds = List.of(seedTask("first"), seedTask("second"), seedTask("third"));
        othersTaskId = api.send("POST", "/api/tasks", api.signUp("fuzzother" + System.nanoTime()),
                "{\"title\":\"not yours\"}").json().get("id").asLong();
    }

    @AfterAll
    static void recordScorecard() {
        String figure = "%,d generated requests, %,d rejected with problem+json, %d 5xx, %d data changes; seed %d"
                .formatted(requests.get(), rejected.get(), count("5xx"), count("data changed"), SEED);
        if (!failures.isEmpty()) {
            figure += "; first failure: " + abbreviate(failures.getFirst());
        }
        Scorecard.record(8, TITLE, failures.isEmpty() && requests.get() > 0, figure);
    }

    @Test
    void register() {
        FuzzJson fuzz = fuzz("register");
        for (int i = 0; i < 80; i++) {
            String body = authBody(fuzz);
            check("register", i, Fuzzed.json("POST", "/api/auth/register", null, body));
        }
    }

    @Test
    void login() {
        FuzzJson fuzz = fuzz("login");
        for (int i = 0; i < 60; i++) {
            String body = authBody(fuzz);
            check("login", i, Fuzzed.json("POST", "/api/auth/login", null, body));
        }
    }

    @Test
    void me() {
        FuzzJson fuzz = fuzz("me");
        for (int i = 0; i < 40; i++) {
            check("me", i, new Fuzzed("GET", "/api/auth/me", Map.of("Authorization", authorization(fuzz)), null));
        }
    }

    @Test
    void listTasks() {
        FuzzJson fuzz = fuzz("listTasks");
        for (int i = 0; i < 80; i++) {
            check("listTasks", i, new Fuzzed("GET", "/api/tasks?" + queryString(fuzz), bearer(), null));
        }
    }

    @Test
    void createTask() {
        FuzzJson fuzz = fuzz("createTask");
        for (int i = 0; i < 100; i++) {
            check("createTask", i, Fuzzed.json("POST", "/api/tasks", token, taskBody(fuzz)));
        }
    }

    @Test
    void taskById() {
        FuzzJson fuzz = fuzz("taskById");
        for (int i = 0; i < 140; i++) {
            String method = fuzz.pick(List.of("GET", "PUT", "PATCH", "DELETE"));
            String path = "/api/tasks/" + id(fuzz);
            String body = taskBody(fuzz);
            Map<String, String> headers = new LinkedHashMap<>(bearer());
            headers.put("Content-Type", "application/json");
            String ifMatch = fuzz.pick(List.of("", "", "\"0\"", "\"1\"", "*", "W/\"0\"", "\"\"", "\"-1\"",
                    "\"99999999999\"", "0", "garbage", "\"0\", \"1\""));
            if (!ifMatch.isEmpty()) {
                headers.put("If-Match", ifMatch);
            }
            boolean hasBody = method.equals("PUT") || method.equals("PATCH");
            check("taskById", i, new Fuzzed(method, path, headers, hasBody ? body : null));
        }
    }

    // --- what a request may do ---

    /** One generated request: method, path with query, headers, and body (null: none). */
    record Fuzzed(String method, String path, Map<String, String> headers, String body) {

        static Fuzzed json(String method, String path, String token, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return new Fuzzed(method, path, headers, body);
        }

        Response send() {
            HttpRequest.Builder request = api.request(path, null).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return api.send(request);
        }

        @Override
        public String toString() {
            return method + " " + abbreviate(path) + " " + headers.keySet() + (headers.containsKey("If-Match")
                    ? " If-Match " + headers.get("If-Match") : "") + " body " + abbreviate(body);
        }
    }

    private static void check(String endpoint, int attempt, Fuzzed request) {
        String before = snapshot();
        Response response;
        try {
            response = request.send();
        } catch (RuntimeException ex) {
            throw fail("no response", endpoint, attempt, request, ex.toString());
        }
        requests.incrementAndGet();
        String answer = response.status() + " " + response.header("Content-Type") + " " + abbreviate(response.body());
        if (response.status() >= 500) {
            throw fail("5xx", endpoint, attempt, request, answer);
        }
        if (response.status() >= 400) {
            rejected.incrementAndGet();
            if (!"application/problem+json".equals(response.header("Content-Type"))) {
                throw fail("not problem+json", endpoint, attempt, request, answer);
            }
            String body = response.body();
            if (body.contains("org.postgresql") || body.contains("java.") || body.contains("\tat ")) {
                throw fail("internals leaked", endpoint, attempt, request, answer);
            }
            String after = snapshot();
            if (!after.equals(before)) {
                throw fail("data changed by a rejected request", endpoint, attempt, request, answer
                        + "; before " + firstDifference(before, after) + ", after " + firstDifference(after, before));
            }
        }
    }

    /** Records a failure (for the scorecard) and says how to replay it. */
    private static AssertionError fail(String kind, String endpoint, int attempt, Fuzzed request, String answer) {
        String failure = "%s: %s -> %s (seed %d, %s request #%d; replay with -Dfuzz.seed=%d)"
                .formatted(kind, request, answer, SEED, endpoint, attempt, SEED);
        synchronized (failures) {
            failures.add(failure);
        }
        return new AssertionError(failure);
    }

    /** Every user and every task, as text: any change anywhere shows up. */
    private static String snapshot() {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(id), 0) FROM users").query(String.class).single()
                + jdbc.sql("SELECT string_agg(concat_ws('|', id, owner_id, md5(title), md5(description), status,"
                        + " priority, due_date, created_at, updated_at, version), ',' ORDER BY id) FROM tasks")
                .query(String.class).optional().orElse("");
    }

    /** The row (of the snapshot) where a first differs from b. */
    private static String firstDifference(String a, String b) {
        int at = 0;
        while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        int start = a.lastIndexOf(',', at) + 1;
        int end = a.indexOf(',', at);
        return a.substring(start, end < 0 ? a.length() : end);
    }

    private static long seedTask(String title) {
        return api.send("POST", "/api/tasks", token, "{\"title\":\"" + title + "\"}").json().get("id").asLong();
    }

    private static long count(String kind) {
        return failures.stream().filter(failure -> failure.startsWith(kind)).count();
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "null" : text.replace('\n', ' ');
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "… (" + oneLine.length() + " chars)" : oneLine;
    }

    // --- generators ---

    /** The endpoint's own random stream: the same for a given seed whatever ran before it. */
    private static FuzzJson fuzz(String endpoint) {
        return new FuzzJson(new SplittableRandom(SEED ^ endpoint.hashCode() * 0x9E3779B97F4A7C15L));
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String authBody(FuzzJson fuzz) {
        return switch (fuzz.weighted(4, 2, 1, 1)) {
            case 0 -> fuzz.objectOf(List.of("username", "password"));
            case 1 -> fuzz.value();
            case 2 -> fuzz.malformed();
            default -> "{\"username\":\"" + username + "\",\"password\":\"wrong\"}";
        };
    }

    private static String taskBody(FuzzJson fuzz) {
        return switch (fuzz.weighted(5, 2, 1)) {
            case 0 -> fuzz.objectOf(TASK_FIELDS);
            case 1 -> fuzz.value();
            default -> fuzz.malformed();
        };
    }

    /** An Authorization header value; Java's HTTP client refuses control characters, so those go. */
    private static String authorization(FuzzJson fuzz) {
        return switch (fuzz.below(3)) {
            case 0 -> "Bearer " + fuzz.text().replaceAll("[\\r\\n\\x00-\\x1f\\x7f-\\x{10ffff}]", "");
            case 1 -> fuzz.ascii(300).replaceAll("[\\r\\n\\x00-\\x1f\\x7f]", "");
            default -> fuzz.pick(List.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a.b.c", "Bearer ..",
                    "bearer x"));
        };
    }

    private static String queryString(FuzzJson fuzz) {
        List<String> pairs = new ArrayList<>();
        int size = fuzz.below(7);
        for (int i = 0; i < size; i++) {
            String name = fuzz.pick(List.of("page", "size", "status", "priority", "q", "sort", "page", "size",
                    "unknown"));
            String value = fuzz.below(2) == 0 ? fuzz.text() : fuzz.pick(List.of("0", "-1", "1", "100", "101",
                    "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x10", "", " ",
                    "todo", "DONE", "in_progress", "high", "created,asc", "due,desc", "priority", "created,sideways",
                    "%", "_", "\\", "'; DROP TABLE tasks; --"));
            pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private static String id(FuzzJson fuzz) {
        return switch (fuzz.weighted(4, 1, 2, 1, 1)) {
            case 0 -> String.valueOf(fuzz.pick(ownIds));
            case 1 -> String.valueOf(othersTaskId);
            case 2 -> String.valueOf(fuzz.anyLong());
            case 3 -> fuzz.pick(List.of("0", "-1", "9223372036854775808", "1.5", "1e9", "abc", "%20", "null", "0x1",
                    "１２", "1;DROP", "%E2%80%AE"));
            default -> URLEncoder.encode(fuzz.text(), StandardCharsets.UTF_8);
        };
    }
}
