package dev.taskapp.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running app in *IntegrationTests: real sockets, real headers. */
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final String base;

    public Api(int port) {
        this(port, null);
    }

    /**
     * Connects from the given local address (any 127.x.y.z works on Linux), so the server sees a
     * distinct client address: tests of per-address login throttling do not affect one another.
     */
    public Api(int port, String localAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) {
            builder.localAddress(loopback(localAddress));
        }
        this.http = builder.build();
        this.base = "http://127.0.0.1:" + port;
    }

    private static java.net.InetAddress loopback(String address) {
        try {
            return java.net.InetAddress.getByName(address);
        } catch (java.net.UnknownHostException ex) {
            throw new IllegalArgumentException(address, ex);
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response delete(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token).DELETE();
        headers.forEach(request::header);
        return send(request);
    }

    public Response send(String method, String path, String token, String json) {
        return send(method, path, token, json, Map.of());
    }

    public Response send(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** Registers a user and logs in; returns the access token. */
    public String signUp(String username) {
        Response registered = send("POST", "/api/auth/register", null,
                "{\"username\":\"" + username + "\",\"password\":\"correct-horse\"}");
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.body());
        }
        return send("POST", "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"correct-horse\"}").json().get("access_token").asString();
    }

    public Response login(String username, String password) {
        return send("POST", "/api/auth/login", null, credentials(username, password));
    }

    /** A login relayed by this client as a trusted proxy, for the address it names in X-Forwarded-For. */
    public Response loginVia(String clientAddress, String username, String password) {
        return send("POST", "/api/auth/login", null, credentials(username, password),
                Map.of("X-Forwarded-For", clientAddress));
    }

    public static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }
    }
}
