package dev.taskapp.backend.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and other services see: probes, metrics, the OpenAPI document, CORS, errors. */
@IntegrationTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    /**
     * Issue 13: metrics, info and health details live on the management port only (Compose does not
     * publish it, no Ingress routes it). This asserted metrics on the public port before.
     */
    @Test
    void probesAndMetricsAreOnTheManagementPortOnly() {
        int managementPort = environment.getProperty("local.management.port", Integer.class, port);
        Api management = new Api(managementPort);
        assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        Response readiness = management.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(management.get("/actuator/prometheus", null).body()).contains("http_server_requests_seconds");
        assertThat(management.get("/actuator/health", null).body()).contains("\"db\"");

        Api api = new Api(port);
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/health",
                "/actuator/health/liveness")) {
            Response refused = api.get(path, null);
            assertThat(refused.status()).as(path + " on the public port").isIn(401, 404);
            assertThat(refused.body()).as(path + " on the public port").doesNotContain("jvm_", "\"UP\"");
        }
        Response health = api.get("/api/health", null);
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void openApiIsOpen() {
        Api api = new Api(port);
        Response openApi = api.get("/api/openapi.json", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/tasks/{id}")).isTrue();
        assertThat(openApi.json().get("info").get("title").asString()).isEqualTo("TaskApp backend API");
    }

    /**
     * The list's query parameters are documented one by one with their bounds and defaults (they are
     * read by TaskQueryResolver, not by @RequestParam); the caller comes from the token, so no
     * operation has a "user" parameter, and the error page is no operation.
     */
    @Test
    void openApiDocumentsWhatAClientSends() {
        JsonNode paths = new Api(port).get("/api/openapi.json", null).json().get("paths");
        Map<String, JsonNode> listParameters = new LinkedHashMap<>();
        paths.get("/api/tasks").get("get").get("parameters")
                .forEach(parameter -> listParameters.put(parameter.get("name").asString(), parameter));
        assertThat(listParameters).containsOnlyKeys("page", "size", "status", "priority", "q", "sort");
        assertThat(listParameters.values()).allSatisfy(parameter -> {
            assertThat(parameter.get("in").asString()).isEqualTo("query");
            assertThat(parameter.path("required").asBoolean(false)).isFalse();
        });
        JsonNode size = listParameters.get("size").get("schema");
        assertThat(size.get("minimum").asInt()).isEqualTo(1);
        assertThat(size.get("maximum").asInt()).isEqualTo(100);
        assertThat(size.get("default").asInt()).isEqualTo(20);
        assertThat(listParameters.get("page").get("schema").get("default").asInt()).isZero();
        assertThat(listParameters.get("q").get("schema").get("maxLength").asInt()).isEqualTo(200);
        assertThat(listParameters.get("sort").get("schema").get("default").asString()).isEqualTo("created,desc");
        assertThat(listParameters.get("status").get("schema").toString()).contains("in_progress");

        assertThat(paths.toString()).doesNotContain("\"name\":\"user\"", "\"name\":\"currentUser\"");
        assertThat(paths.has("/error")).isFalse();
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        Api api = new Api(port);
        String token = api.signUp("ops" + System.nanoTime());
        Api management = new Api(environment.getProperty("local.management.port", Integer.class, port));
        assertThat(management.get("/actuator/env", null).status()).isEqualTo(401);
        Response forbidden = management.get("/actuator/env", token);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(forbidden.json().get("status").asInt()).isEqualTo(403);
        assertThat(management.get("/actuator/beans", token).status()).isEqualTo(403);
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
