package dev.taskapp.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The backend's REST API (API-CONTRACT.md) as an API client uses it, over plain HTTP. */
final class TaskAppApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    TaskAppApi(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String json, String token) {
        return send(request(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> register(String username, String password) {
        return post("/api/auth/register", credentials(username, password));
    }

    HttpResponse<String> login(String username, String password) {
        return post("/api/auth/login", credentials(username, password));
    }

    /** Logs in and returns the access token; fails when the backend refuses. */
    String token(String username, String password) {
        HttpResponse<String> response = login(username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + username + " gave " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("access_token").asString();
    }

    HttpResponse<String> createTask(String token, String title) {
        return post("/api/tasks", JSON.createObjectNode().put("title", title).put("priority", "high").toString(), token);
    }

    /** The titles of the user's tasks (first page, newest first). */
    java.util.List<String> taskTitles(String token) {
        HttpResponse<String> response = get("/api/tasks?size=100", token);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /api/tasks gave " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("items").valueStream().map(task -> task.get("title").asString()).toList();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The status code, or -1 when nothing answers (container stopped, port closed). */
    int statusOf(String path) {
        try {
            return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String credentials(String username, String password) {
        return JSON.createObjectNode().put("username", username).put("password", password).toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
