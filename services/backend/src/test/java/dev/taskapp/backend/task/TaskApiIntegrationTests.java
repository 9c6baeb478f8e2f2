package dev.taskapp.backend.task;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The task API end to end over HTTP, on a real PostgreSQL. */
@IntegrationTest
class TaskApiIntegrationTests {

    @LocalServerPort
    int port;
    Api api;
    String alice;
    String bob;

    @BeforeEach
    void twoUsers() {
        api = new Api(port);
        alice = api.signUp("alice" + System.nanoTime());
        bob = api.signUp("bob" + System.nanoTime());
    }

    @Test
    void createReadUpdatePatchListDelete() {
        Response created = api.send("POST", "/api/tasks", alice,
                "{\"title\":\"Write report\",\"priority\":\"high\",\"due_date\":\"2026-12-01\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.json();
        long id = task.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/tasks/" + id);
        assertThat(task.get("status").asString()).isEqualTo("todo");
        assertThat(task.get("description").asString()).isEmpty();
        assertThat(task.get("version").asInt()).isZero();

        Response read = api.get("/api/tasks/" + id, alice);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json()).isEqualTo(task);

        Response replaced = api.send("PUT", "/api/tasks/" + id, alice,
                "{\"title\":\"Write the report\",\"description\":\"by Friday\",\"status\":\"in_progress\","
                        + "\"priority\":\"medium\",\"due_date\":null,\"version\":0}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
        assertThat(replaced.json().get("due_date").isNull()).isTrue();
        assertThat(replaced.json().get("created_at")).isEqualTo(task.get("created_at"));

        Response patched = api.send("PATCH", "/api/tasks/" + id, alice, "{\"status\":\"done\",\"version\":1}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("status").asString()).isEqualTo("done");
        assertThat(patched.json().get("title").asString()).isEqualTo("Write the report");
        assertThat(patched.json().get("description").asString()).isEqualTo("by Friday");
        assertThat(patched.json().get("version").asInt()).isEqualTo(2);

        Response listed = api.get("/api/tasks?status=done", alice);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("total_items").asInt()).isEqualTo(1);
        assertThat(listed.json().get("items").get(0)).isEqualTo(patched.json());

        assertThat(api.delete("/api/tasks/" + id, alice, Map.of()).status()).isEqualTo(428); // no version: refused
        assertThat(api.delete("/api/tasks/" + id + "?version=2", alice, Map.of()).status()).isEqualTo(204);
        Response gone = api.get("/api/tasks/" + id, alice);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(gone.json().get("type").asString()).isEqualTo("about:blank");
        assertThat(gone.json().get("title").asString()).isEqualTo("Task not found");
        assertThat(gone.json().get("instance").asString()).isEqualTo("/api/tasks/" + id);
    }

    @Test
    void anotherUsersTaskIsNotFoundAndStaysUntouched() {
        JsonNode task = api.send("POST", "/api/tasks", alice, "{\"title\":\"Alice's secret\"}").json();
        String path = "/api/tasks/" + task.get("id").asLong();

        assertThat(api.get(path, bob).status()).isEqualTo(404);
        assertThat(api.send("PUT", path, bob, "{\"title\":\"pwned\",\"version\":0}").status()).isEqualTo(404);
        assertThat(api.send("PATCH", path, bob, "{\"title\":\"pwned\"}").status()).isEqualTo(404);
        assertThat(api.delete(path, bob, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/tasks", bob).json().get("total_items").asInt()).isZero();

        Response still = api.get(path, alice);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.json()).isEqualTo(task);
    }

    @Test
    void clientCannotSetIdOwnerOrTimestamps() {
        Response created = api.send("POST", "/api/tasks", alice,
                "{\"title\":\"t\",\"id\":123456,\"created_at\":\"1999-01-01T00:00:00Z\","
                        + "\"updated_at\":\"1999-01-01T00:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asLong()).isNotEqualTo(123456);
        assertThat(created.json().get("created_at").asString()).doesNotStartWith("1999");

        Response withOwner = api.send("POST", "/api/tasks", alice, "{\"title\":\"t\",\"owner_id\":1}");
        assertThat(withOwner.status()).isEqualTo(400);
        assertThat(withOwner.json().get("detail").asString()).isEqualTo("Unknown field 'owner_id'");

        String path = "/api/tasks/" + created.json().get("id").asLong();
        Response patchOwner = api.send("PATCH", path, alice, "{\"user_id\":1}");
        assertThat(patchOwner.status()).isEqualTo(400);
        assertThat(patchOwner.json().get("errors").get(0).get("field").asString()).isEqualTo("user_id");

        Response put = api.send("PUT", path, alice,
                "{\"title\":\"t2\",\"version\":0,\"created_at\":\"1999-01-01T00:00:00Z\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("created_at")).isEqualTo(created.json().get("created_at"));
    }

    @Test
    void staleVersionOrETagIsRefusedAndChangesNothing() {
        long id = api.send("POST", "/api/tasks", alice, "{\"title\":\"v0\"}").json().get("id").asLong();
        String path = "/api/tasks/" + id;
        JsonNode v1 = api.send("PATCH", path, alice, "{\"title\":\"v1\",\"version\":0}").json();
        assertThat(v1.get("version").asInt()).isEqualTo(1);

        Response stalePut = api.send("PUT", path, alice, "{\"title\":\"lost\",\"version\":0}");
        assertThat(stalePut.status()).isEqualTo(409);
        assertThat(stalePut.header("Content-Type")).isEqualTo("application/problem+json");

        Response stalePatch = api.send("PATCH", path, alice, "{\"title\":\"lost\",\"version\":0}");
        assertThat(stalePatch.status()).isEqualTo(409);

        Response staleIfMatch = api.send("PATCH", path, alice, "{\"title\":\"lost\"}", Map.of("If-Match", "\"0\""));
        assertThat(staleIfMatch.status()).isEqualTo(412);
        assertThat(staleIfMatch.header("Content-Type")).isEqualTo("application/problem+json");

        assertThat(api.delete(path, alice, Map.of("If-Match", "\"0\"")).status()).isEqualTo(412);
        assertThat(api.delete(path + "?version=0", alice, Map.of()).status()).isEqualTo(409);
        // Issue 13: a write that names no version would overwrite blindly: 428, as problem+json.
        Response blind = api.send("PATCH", path, alice, "{\"title\":\"blind\"}");
        assertThat(blind.status()).isEqualTo(428);
        assertThat(blind.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.get(path, alice).json()).isEqualTo(v1);

        Response current = api.send("PATCH", path, alice, "{\"title\":\"v2\"}", Map.of("If-Match", "\"1\""));
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void pagesThroughTasksWithinBounds() {
        for (int i = 0; i < 23; i++) {
            api.send("POST", "/api/tasks", alice, "{\"title\":\"task " + i + "\"}");
        }
        JsonNode first = api.get("/api/tasks", alice).json();
        assertThat(first.get("items").size()).isEqualTo(20);
        assertThat(first.get("size").asInt()).isEqualTo(20);
        assertThat(first.get("total_items").asInt()).isEqualTo(23);
        assertThat(first.get("total_pages").asInt()).isEqualTo(2);
        assertThat(first.get("items").get(0).get("title").asString()).isEqualTo("task 22");

        JsonNode second = api.get("/api/tasks?page=1&size=20", alice).json();
        assertThat(second.get("items").size()).isEqualTo(3);

        JsonNode all = api.get("/api/tasks?size=100&q=TASK%201&sort=created,asc", alice).json();
        assertThat(all.get("items").size()).isEqualTo(1 + 10); // "task 1", "task 10".."task 19"
        assertThat(all.get("items").get(0).get("title").asString()).isEqualTo("task 1");

        assertThat(api.get("/api/tasks?size=101", alice).status()).isEqualTo(400);
        assertThat(api.get("/api/tasks?page=-1", alice).status()).isEqualTo(400);
    }

    @Test
    void chunkedBodyOverOneMegabyteIs413() {
        byte[] big = ("{\"title\":\"t\",\"description\":\"" + "x".repeat(1_100_000) + "\"}").getBytes();
        // An InputStream publisher has no length, so the body goes out chunked, without Content-Length.
        HttpRequest.Builder request = api.request("/api/tasks", alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        Response response = api.send(request);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.get("/api/tasks", alice).json().get("total_items").asInt()).isZero();
    }

    @Test
    void bodyOverOneMegabyteWithContentLengthIs413() {
        String big = "{\"title\":\"t\",\"description\":\"" + "x".repeat(1_100_000) + "\"}";
        Response response = api.send("POST", "/api/tasks", alice, big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("status").asInt()).isEqualTo(413);
    }
}
