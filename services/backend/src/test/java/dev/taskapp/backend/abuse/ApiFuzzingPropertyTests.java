package dev.taskapp.backend.abuse;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import dev.taskapp.backend.Scorecard;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Scenario 8 of issue 7: jqwik generates bodies (arbitrary JSON values, wrong types, huge and
 * unicode strings, nulls, malformed text), query parameters, ids and tokens for every endpoint.
 * Every response must be below 500, every error problem+json without internals, and a rejected
 * request must leave the database exactly as it was. Runs against the same Spring context as the
 * *IntegrationTests (Spring's test context cache), with a few hundred tries in all.
 */
class ApiFuzzingPropertyTests {

    private static final String TITLE = "Property-based fuzzing of every endpoint (jqwik)";
    private static final AtomicInteger requests = new AtomicInteger();
    private static final AtomicInteger rejected = new AtomicInteger();
    private static final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    private static Api api;
    private static JdbcClient jdbc;
    private static String token;
    private static String username;
    private static List<Long> ownIds;
    private static long othersTaskId;

    /** The shared app context, reached through Spring's test context cache. */
    @IntegrationTest
    static class SharedContext {
    }

    @BeforeContainer
    static void startAppAndSeedUsers() throws Exception {
        ApplicationContext context = new TestContextManager(SharedContext.class).getTestContext()
                .getApplicationContext();
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        jdbc = context.getBean(JdbcClient.class);
        // Its own client address: the fuzzed logins fill this address's throttle, nobody else's.
        api = new Api(port, "127.0.0.81");
        username = "fuzz" + System.nanoTime();
        token = api.signUp(username);
        ownIds = List.of(seedTask("first"), seedTask("second"), seedTask("third"));
        othersTaskId = api.send("POST", "/api/tasks", api.signUp("fuzzother" + System.nanoTime()),
                "{\"title\":\"not yours\"}").json().get("id").asLong();
    }

    @AfterContainer
    static void recordScorecard() {
        String figure = "%,d generated requests, %,d rejected with 4xx problem+json, %d 5xx, %d data changes by a rejected request"
                .formatted(requests.get(), rejected.get(), count("5xx"), count("data changed"));
        if (!failures.isEmpty()) {
            figure += "; first failure: " + abbreviate(failures.peek());
            failures.stream().map(ApiFuzzingPropertyTests::abbreviate).distinct()
                    .forEach(failure -> System.out.println("Fuzzing failure: " + failure));
        }
        Scorecard.record(8, TITLE, failures.isEmpty() && requests.get() > 0, figure);
    }

    @Property(tries = 80)
    void register(@ForAll("authBodies") String body) {
        check("POST /api/auth/register", body, () -> api.send("POST", "/api/auth/register", null, body));
    }

    @Property(tries = 60)
    void login(@ForAll("authBodies") String body) {
        check("POST /api/auth/login", body, () -> api.send("POST", "/api/auth/login", null, body));
    }

    @Property(tries = 40)
    void me(@ForAll("tokens") String bearer) {
        check("GET /api/auth/me", bearer, () -> api.send(api.request("/api/auth/me", null)
                .header("Authorization", bearer).GET()));
    }

    @Property(tries = 80)
    void listTasks(@ForAll("queryStrings") String query) {
        check("GET /api/tasks", query, () -> api.get("/api/tasks?" + query, token));
    }

    @Property(tries = 100)
    void createTask(@ForAll("taskBodies") String body) {
        check("POST /api/tasks", body, () -> api.send("POST", "/api/tasks", token, body));
    }

    @Property(tries = 140)
    void taskById(@ForAll("methods") String method, @ForAll("ids") String id, @ForAll("taskBodies") String body,
            @ForAll("ifMatch") String ifMatch) {
        String path = "/api/tasks/" + id;
        check(method + " " + path, body, () -> {
            HttpRequest.Builder request = api.request(path, token);
            if (!ifMatch.isEmpty()) {
                request.header("If-Match", ifMatch);
            }
            boolean hasBody = method.equals("PUT") || method.equals("PATCH");
            request.header("Content-Type", "application/json").method(method, hasBody
                    ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
            return api.send(request);
        });
    }

    // --- what a request may do ---

    private static void check(String route, String input, java.util.function.Supplier<Response> send) {
        String before = snapshot();
        Response response = send.get();
        requests.incrementAndGet();
        String sample = route + " with " + abbreviate(input) + " -> " + response.status();
        if (response.status() >= 500) {
            fail("5xx: " + sample + " " + abbreviate(response.body()));
        }
        if (response.status() >= 400) {
            rejected.incrementAndGet();
            if (!"application/problem+json".equals(response.header("Content-Type"))) {
                fail("not problem+json: " + sample + " (" + response.header("Content-Type") + ")");
            }
            String body = response.body();
            if (body.contains("org.postgresql") || body.contains("java.") || body.contains("\tat ")) {
                fail("internals leaked: " + sample);
            }
            String after = snapshot();
            if (!after.equals(before)) {
                fail("data changed by a rejected request: " + sample + "; before " + firstDifference(before, after)
                        + ", after " + firstDifference(after, before));
            }
        }
    }

    private static void fail(String failure) {
        failures.add(failure);
        throw new AssertionError(failure);
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

    @Provide
    Arbitrary<String> authBodies() {
        return Arbitraries.frequencyOf(
                weighted(4, objects(List.of("username", "password"))),
                weighted(2, FuzzJson.values()),
                weighted(1, FuzzJson.malformed()),
                weighted(1, Arbitraries.of(username).map(user -> "{\"username\":\"" + user + "\",\"password\":\"wrong\"}")));
    }

    @Provide
    Arbitrary<String> taskBodies() {
        return Arbitraries.frequencyOf(
                weighted(5, objects(List.of("title", "description", "status", "priority", "due_date", "version",
                        "id", "owner_id", "created_at", "updated_at"))),
                weighted(2, FuzzJson.values()),
                weighted(1, FuzzJson.malformed()));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(
                FuzzJson.text().map(text -> "Bearer " + text.replaceAll("[\\r\\n\\x00-\\x1f\\x7f-\\x{10ffff}]", "")),
                Arbitraries.strings().ascii().ofMaxLength(300).map(text -> text.replaceAll("[\\r\\n\\x00-\\x1f\\x7f]", "")),
                Arbitraries.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a.b.c", "Bearer ..", "bearer x"));
    }

    @Provide
    Arbitrary<String> queryStrings() {
        Arbitrary<String> value = Arbitraries.oneOf(FuzzJson.text(), Arbitraries.of("0", "-1", "1", "100", "101",
                "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x10", "", " ",
                "todo", "DONE", "in_progress", "high", "created,asc", "due,desc", "priority", "created,sideways",
                "%", "_", "\\", "'; DROP TABLE tasks; --"));
        Arbitrary<String> pair = Arbitraries.of("page", "size", "status", "priority", "q", "sort", "page", "size",
                "unknown").flatMap(name -> value.map(v -> name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return pair.list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "PUT", "PATCH", "DELETE");
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(
                weighted(4, Arbitraries.of(ownIds).map(String::valueOf)),
                weighted(1, Arbitraries.just(String.valueOf(othersTaskId))),
                weighted(2, Arbitraries.longs().map(String::valueOf)),
                weighted(1, Arbitraries.of("0", "-1", "9223372036854775808", "1.5", "1e9", "abc", "%20", "null",
                        "0x1", "１２", "1;DROP", "%E2%80%AE")),
                weighted(1, FuzzJson.text().map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8))));
    }

    @Provide
    Arbitrary<String> ifMatch() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("\"0\"", "\"1\"", "*", "W/\"0\"", "\"\"",
                "\"-1\"", "\"99999999999\"", "0", "garbage", "\"0\", \"1\""));
    }

    /** Objects whose keys are mostly the endpoint's own fields (and a few strangers), values anything. */
    private static Arbitrary<String> objects(List<String> fields) {
        Arbitrary<String> key = Arbitraries.frequencyOf(weighted(6, Arbitraries.of(fields)),
                weighted(1, FuzzJson.text()));
        Arbitrary<Map<String, String>> members = Arbitraries.maps(key, FuzzJson.fieldValues()).ofMaxSize(6);
        return members.map(FuzzJson::object);
    }

    static Tuple2<Integer, Arbitrary<? extends String>> weighted(int weight, Arbitrary<String> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }
}
