package dev.taskapp.backend.system;

import java.util.Map;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and other services see: probes, metrics, the OpenAPI document, CORS, errors. */
@IntegrationTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void probesMetricsAndOpenApiAreOpen() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        Response readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus", null).body()).contains("http_server_requests_seconds");
        Response openApi = api.get("/api/openapi.json", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/tasks/{id}")).isTrue();
        assertThat(openApi.json().get("info").get("title").asString()).isEqualTo("TaskApp backend API");
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        Api api = new Api(port);
        String token = api.signUp("ops" + System.nanoTime());
        assertThat(api.get("/actuator/env", null).status()).isEqualTo(401);
        Response forbidden = api.get("/actuator/env", token);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(forbidden.json().get("status").asInt()).isEqualTo(403);
        assertThat(api.get("/actuator/beans", token).status()).isEqualTo(403);
    }

    @Test
    void unknownRouteIs404ProblemForSignedInUsersAnd401Otherwise() {
        Api api = new Api(port);
        String token = api.signUp("routes" + System.nanoTime());
        Response notFound = api.get("/api/nothing", token);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Content-Type")).isEqualTo("application/problem+json");
        Response anonymous = api.get("/api/nothing", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void corsAllowsExactlyTheConfiguredOrigins() {
        Api api = new Api(port);
        Map<String, String> preflight = Map.of("Origin", "https://tasks.example",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,if-match");
        Response allowed = api.send(withHeaders(api.request("/api/tasks/1", null)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()), preflight));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://tasks.example");

        Response refused = api.send(withHeaders(api.request("/api/tasks/1", null)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()),
                Map.of("Origin", "https://tasks.example.evil.com", "Access-Control-Request-Method", "PUT")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }

    private static java.net.http.HttpRequest.Builder withHeaders(java.net.http.HttpRequest.Builder request,
            Map<String, String> headers) {
        headers.forEach(request::header);
        return request;
    }
}
