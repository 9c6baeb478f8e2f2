package dev.taskapp.backend.abuse;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import dev.taskapp.backend.Scorecard;
import dev.taskapp.backend.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 6 of issue 7: an attacker with a valid account of their own (bob) goes after alice's
 * tasks through every task route, tries to set server-owned fields, forges tokens, sends huge
 * bodies and huge pages. Each probe is counted; the scorecard line says how many held.
 */
@IntegrationTest
class ApiAbuseScenarioTests {

    private static final String TITLE = "API abuse: BOLA, mass assignment, forged JWTs, 413, page cap";

    @LocalServerPort
    int port;
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyAbuseIsRefusedAndChangesNothing() {
        String figure = "not finished";
        try {
            Api api = new Api(port);
            String alice = api.signUp("abuse_alice" + System.nanoTime());
            String bob = api.signUp("abuse_bob" + System.nanoTime());
            long aliceId = api.get("/api/auth/me", alice).json().get("id").asLong();
            long bobId = api.get("/api/auth/me", bob).json().get("id").asLong();
            JsonNode task = api.send("POST", "/api/tasks", alice, "{\"title\":\"Alice's secret\"}").json();
            String path = "/api/tasks/" + task.get("id").asLong();

            int bola = bola(api, bob, path, task.get("id").asLong());
            check("alice's task unchanged after bob's attempts", api.get(path, alice).json().equals(task));

            int massAssignment = massAssignment(api, alice, bob, bobId);
            int forged = forgedTokens(api, aliceId);
            int tooLarge = tooLargeBodies(api, alice, path);
            int pageCap = pageSizeOverCap(api, alice);
            check("alice's task unchanged at the end", api.get(path, alice).json().equals(task));

            figure = "task routes refusing another user's task: %d/6; mass-assignment attempts ignored or rejected: %d/8; "
                    .formatted(bola, massAssignment)
                    + "forged tokens -> 401 problem+json: %d/10 (5 kinds x 2 routes); bodies over 1 MB -> 413: %d/6; "
                    .formatted(forged, tooLarge)
                    + "page sizes over the cap of 100 -> 400: %d/4".formatted(pageCap);
            assertThat(failures).as(figure).isEmpty();
        } finally {
            Scorecard.record(6, TITLE, failures.isEmpty() && !figure.equals("not finished"),
                    failures.isEmpty() ? figure : figure + "; failed: " + String.join(", ", failures));
        }
    }

    /** Bob uses each task route on alice's task: 404 problem+json, never 403 or the task. */
    private int bola(Api api, String bob, String path, long id) {
        int held = 0;
        held += count("GET one", isProblem(api.get(path, bob), 404));
        held += count("PUT", isProblem(api.send("PUT", path, bob, "{\"title\":\"pwned\",\"version\":0}"), 404));
        held += count("PATCH", isProblem(api.send("PATCH", path, bob, "{\"title\":\"pwned\"}"), 404));
        held += count("DELETE", isProblem(api.delete(path, bob, Map.of()), 404));
        JsonNode list = api.get("/api/tasks?size=100", bob).json();
        held += count("list", list.get("total_items").asInt() == 0);
        // Creating cannot be aimed at alice's id either: the server picks the id.
        Response created = api.send("POST", "/api/tasks", bob, "{\"title\":\"mine\",\"id\":" + id + "}");
        held += count("POST with alice's id", created.status() == 400
                || created.status() == 201 && created.json().get("id").asLong() != id);
        return held;
    }

    /** Server-owned fields (id, owner, version, timestamps) in bodies are rejected (400) or ignored. */
    private int massAssignment(Api api, String alice, String bob, long bobId) {
        int held = 0;
        Response created = api.send("POST", "/api/tasks", alice, "{\"title\":\"m\",\"id\":987654321,\"version\":7,"
                + "\"created_at\":\"1999-01-01T00:00:00Z\",\"updated_at\":\"1999-01-01T00:00:00Z\"}");
        held += count("POST id/version/timestamps", created.status() == 400 || created.status() == 201
                && created.json().get("id").asLong() != 987654321 && created.json().get("version").asInt() == 0
                && !created.json().get("created_at").asString().startsWith("1999")
                && !created.json().get("updated_at").asString().startsWith("1999"));
        Response owned = api.send("POST", "/api/tasks", alice, "{\"title\":\"m\",\"owner_id\":" + bobId + "}");
        held += count("POST owner_id", isProblem(owned, 400)
                && api.get("/api/tasks?size=100", bob).json().get("total_items").asInt() <= 1);

        JsonNode mine = api.send("POST", "/api/tasks", alice, "{\"title\":\"mine\"}").json();
        String path = "/api/tasks/" + mine.get("id").asLong();
        LongFunction<Boolean> unchangedButVersion = version -> {
            JsonNode now = api.get(path, alice).json();
            return now.get("id").equals(mine.get("id")) && now.get("created_at").equals(mine.get("created_at"))
                    && now.get("version").asLong() == version;
        };
        Response putId = api.send("PUT", path, alice, "{\"title\":\"x\",\"version\":0,\"id\":1}");
        held += count("PUT id", (isProblem(putId, 400) && unchangedButVersion.apply(0))
                || putId.status() == 200 && unchangedButVersion.apply(1));
        long version = api.get(path, alice).json().get("version").asLong();
        held += count("PUT owner_id", isProblem(api.send("PUT", path, alice,
                "{\"title\":\"x\",\"version\":" + version + ",\"owner_id\":" + bobId + "}"), 400)
                && unchangedButVersion.apply(version));
        held += count("PATCH user_id", isProblem(api.send("PATCH", path, alice, "{\"user_id\":" + bobId + "}"), 400)
                && unchangedButVersion.apply(version));
        Response patchCreated = api.send("PATCH", path, alice,
                "{\"created_at\":\"1999-01-01T00:00:00Z\",\"version\":" + version + "}");
        boolean createdKept = isProblem(patchCreated, 400) && unchangedButVersion.apply(version)
                || patchCreated.status() == 200 && unchangedButVersion.apply(version + 1);
        held += count("PATCH created_at", createdKept);
        version = api.get(path, alice).json().get("version").asLong();
        // A version far ahead is a stale/forged lock value: 409, and the version does not jump.
        held += count("PATCH version jump", isProblem(api.send("PATCH", path, alice,
                "{\"title\":\"y\",\"version\":" + (version + 50) + "}"), 409) && unchangedButVersion.apply(version));
        Response honest = api.send("PATCH", path, alice, "{\"title\":\"y\",\"version\":" + version + "}");
        held += count("PATCH version increments by one", honest.status() == 200
                && honest.json().get("version").asLong() == version + 1);
        return held;
    }

    /** Five kinds of forged token on two protected routes: 401 problem+json each time. */
    private int forgedTokens(Api api, long aliceId) {
        Map<String, String> forged = Map.of("bad signature", TestTokens.badSignature(aliceId),
                "alg none", TestTokens.algNone(aliceId), "expired", TestTokens.expired(aliceId),
                "future nbf", TestTokens.notYetValid(aliceId), "wrong issuer", TestTokens.wrongIssuer(aliceId));
        int held = 0;
        for (var token : forged.entrySet()) {
            for (String route : List.of("/api/tasks", "/api/auth/me")) {
                held += count(token.getKey() + " on " + route, isProblem(api.get(route, token.getValue()), 401));
            }
        }
        return held;
    }

    /** Over 1 MB, with and without Content-Length, on every route that takes a body: 413, nothing saved. */
    private int tooLargeBodies(Api api, String alice, String path) {
        String big = "{\"title\":\"t\",\"description\":\"" + "x".repeat(1_100_000) + "\"}";
        int before = api.get("/api/tasks", alice).json().get("total_items").asInt();
        int held = 0;
        held += count("POST 1.1 MB", isProblem(api.send("POST", "/api/tasks", alice, big), 413));
        held += count("PUT 1.1 MB", isProblem(api.send("PUT", path, alice, big), 413));
        held += count("PATCH 1.1 MB", isProblem(api.send("PATCH", path, alice, big), 413));
        held += count("register 1.1 MB", isProblem(api.send("POST", "/api/auth/register", null, big), 413));
        held += count("login 1.1 MB", isProblem(api.send("POST", "/api/auth/login", null, big), 413));
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder chunked = api.request("/api/tasks", alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        held += count("POST chunked 1.1 MB", isProblem(api.send(chunked), 413));
        check("no task created by a huge body", api.get("/api/tasks", alice).json().get("total_items").asInt() == before);
        return held;
    }

    private int pageSizeOverCap(Api api, String alice) {
        int held = 0;
        for (String size : List.of("101", "1000", "2147483647", "99999999999999999999")) {
            Response page = api.get("/api/tasks?size=" + size, alice);
            boolean clamped = page.status() == 200 && page.json().get("items").size() <= 100;
            held += count("size=" + size, isProblem(page, 400) || clamped);
        }
        return held;
    }

    private static boolean isProblem(Response response, int status) {
        return response.status() == status && "application/problem+json".equals(response.header("Content-Type"))
                && response.json().get("status").asInt() == status;
    }

    private int count(String probe, boolean held) {
        check(probe, held);
        return held ? 1 : 0;
    }

    private void check(String probe, boolean held) {
        if (!held) {
            failures.add(probe);
        }
    }
}
