package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

/**
 * Scorecard row 18 (issue 13): the shipped stack shows no internals on its published ports. Actuator
 * (metrics, info, health details) answers on the management port 8081 only, which Compose does not
 * publish; Prometheus scrapes it from a container on the stack's network. The frontend's public
 * health page does not name the backend's internal address.
 */
@Order(3)
@ExtendWith(ComposeStackExtension.class)
@ExtendWith(ScenarioRecorder.class)
@ScenarioRecorder.Scenario(id = 18, title = "No internals on public ports")
class ManagementPortE2E {

    static final int MANAGEMENT_PORT = 8081;
    static final List<String> APPS = List.of("backend", "frontend");
    static final List<String> INTERNALS = List.of("/actuator/prometheus", "/actuator/info", "/actuator/health",
            "/actuator/health/readiness", "/actuator/env");

    @ParameterizedTest
    @FieldSource("APPS")
    void composePublishesTheServicePortOnly(String service, ComposeStack stack) {
        JsonNode bindings = stack.inspect(service).at("/HostConfig/PortBindings");
        List<String> published = bindings.propertyNames().stream().toList();
        assertThat(published).containsExactly(servicePort(service) + "/tcp");
        // Compose answers an unpublished port with an error or with ":0" (v2.2x), never a host port.
        CommandResult port = stack.compose("port", service, String.valueOf(MANAGEMENT_PORT));
        assertThat(!port.succeeded() || port.stdout().isBlank() || port.stdout().trim().endsWith(":0"))
                .as("compose port %s %d: %s", service, MANAGEMENT_PORT, port.stdout().trim()).isTrue();
        ScenarioRecorder.note(18, "%s publishes %s (compose port %d: \"%s\")"
                .formatted(service, published, MANAGEMENT_PORT, port.stdout().trim()));
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void actuatorIsRefusedOnThePublishedPort(String service, ComposeStack stack) {
        TaskAppApi api = new TaskAppApi(stack.url(service, servicePort(service)));
        for (String path : INTERNALS) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as("%s %s on the published port", service, path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("jvm_", "\"UP\"", "\"components\"");
        }
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void prometheusScrapesTheManagementPortFromTheStacksNetwork(String service, ComposeStack stack) {
        String network = stack.project() + "_taskapp_network";
        CommandResult scrape = Commands.docker("run", "--rm", "--network", network, "--entrypoint", "curl",
                stack.image(service), "-fsS", "http://" + service + ":" + MANAGEMENT_PORT + "/actuator/prometheus");
        assertThat(scrape.succeeded()).as(scrape.stderr()).isTrue();
        assertThat(scrape.stdout()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
        ScenarioRecorder.note(18, "scraped %s:%d/actuator/prometheus from %s: %d lines"
                .formatted(service, MANAGEMENT_PORT, network, scrape.stdout().lines().count()));
    }

    @org.junit.jupiter.api.Test
    void theFrontendHealthPageNamesNoInternalAddress(ComposeStack stack) {
        String body = new TaskAppApi(stack.url("frontend", 3000)).get("/api/health").body();
        assertThat(body).contains("\"status\":\"healthy\"").doesNotContain("backend:5000", "http://");
    }

    private static int servicePort(String service) {
        return service.equals("backend") ? 5000 : 3000;
    }
}
